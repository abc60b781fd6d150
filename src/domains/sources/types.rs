use crate::graphql::loaders::Served;
use async_graphql::Object;
use entity::source;

/// Where a record or a figure comes from.
#[derive(Clone, Debug)]
pub struct Source(pub source::Model);

/// Where a record or a figure comes from.
#[Object]
impl Source {
    /// A URL, or the title of a printed document when there is no URL.
    async fn url(&self) -> &str {
        &self.0.url
    }

    /// The document's title, when known.
    async fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }

    /// The date the source's facts hold as of (ISO-8601; `YYYY` or `YYYY-MM`
    /// when the source gives no exact day).
    async fn as_of(&self) -> Option<&str> {
        self.0.as_of.as_deref()
    }
}

impl Served for entity::source::Model {}
