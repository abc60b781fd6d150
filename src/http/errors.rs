//! Every error leaves with a code; ours leave with the request id.

use async_graphql::{ErrorExtensionValues, Response, Value};

/// Parse and validation errors (no path) and argument errors (async-graphql's
/// "Failed to parse", "Invalid value" and "Expected input type" messages, the
/// last for a null variable given to a non-null argument) come without a code;
/// they are the client's to fix. Any other field error without a code escaped
/// `AppError`, so it is ours: logged, and shown only as `INTERNAL`. Every
/// error carries the request id, which is also in the `x-request-id` header
/// and the logs.
pub fn give_every_error_a_code(response: &mut Response, request_id: &str) {
    for error in &mut response.errors {
        let message = error.message.clone();
        let no_path = error.path.is_empty();
        let extensions = error
            .extensions
            .get_or_insert_with(ErrorExtensionValues::default);
        if extensions.get("code").is_none() {
            let argument_error = message.starts_with("Failed to parse")
                || message.starts_with("Invalid value for argument")
                || message.starts_with("Expected input type");
            if no_path || argument_error {
                extensions.set("code", Value::from("BAD_USER_INPUT"));
            } else {
                tracing::error!(error = %message, path = ?error.path, "uncoded resolver error");
                extensions.set("code", Value::from("INTERNAL"));
                error.message = "internal error".to_owned();
            }
        }
        let extensions = error
            .extensions
            .get_or_insert_with(ErrorExtensionValues::default);
        extensions.set("requestId", Value::from(request_id));
    }
}

/// An error's `extensions.code`.
pub fn code_of(error: &async_graphql::ServerError) -> Option<&str> {
    match error.extensions.as_ref().and_then(|e| e.get("code")) {
        Some(Value::String(code)) => Some(code.as_str()),
        _ => None,
    }
}

/// A response made of one error with `code`, for requests refused before
/// execution.
pub fn refusal(message: impl Into<String>, code: &str) -> Response {
    Response::from_errors(vec![crate::error::coded(message, code)])
}
