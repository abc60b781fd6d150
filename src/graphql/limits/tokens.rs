//! Counts a document's lexical tokens and its selection-set nesting without
//! parsing it, so a huge or deeply nested document is refused before the
//! parser builds anything.

/// The tokens in `query` (names, numbers, strings and punctuators; commas,
/// white space and comments are not tokens), and the deepest nesting of
/// selection sets written in it (braces outside argument lists; input
/// objects are inside parentheses).
pub fn scan(query: &str) -> (u64, u64) {
    let bytes = query.as_bytes();
    let mut tokens = 0u64;
    let (mut parens, mut braces, mut deepest) = (0u64, 0u64, 0u64);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' | b',' => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                tokens += 1;
                let block = bytes[i..].starts_with(b"\"\"\"");
                i += if block { 3 } else { 1 };
                while i < bytes.len() {
                    if bytes[i] == b'\\' {
                        i += 2;
                    } else if block && bytes[i..].starts_with(b"\"\"\"") {
                        i += 3;
                        break;
                    } else if !block && (bytes[i] == b'"' || bytes[i] == b'\n') {
                        i += 1;
                        break;
                    } else {
                        i += 1;
                    }
                }
            }
            b'.' if bytes[i..].starts_with(b"...") => {
                tokens += 1;
                i += 3;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' => {
                tokens += 1;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || matches!(bytes[i], b'_' | b'.' | b'-' | b'+'))
                {
                    i += 1;
                }
            }
            c => {
                match c {
                    b'(' => parens += 1,
                    b')' => parens = parens.saturating_sub(1),
                    b'{' if parens == 0 => {
                        braces += 1;
                        deepest = deepest.max(braces);
                    }
                    b'}' if parens == 0 => braces = braces.saturating_sub(1),
                    _ => {}
                }
                tokens += 1;
                i += 1;
            }
        }
    }
    (tokens, deepest)
}

#[cfg(test)]
mod tests {
    use super::scan;

    #[test]
    fn counts_names_punctuators_strings_and_spreads() {
        assert_eq!(scan("{ a(x: \"s t\") ...F }").0, 10);
        assert_eq!(scan("# only a comment\n").0, 0);
        assert_eq!(scan("query Q($n: Int = -1.5e3) { b }").0, 13);
    }

    #[test]
    fn measures_selection_nesting_but_not_input_objects() {
        assert_eq!(scan("{ a { b { c } } }").1, 3);
        assert_eq!(scan("{ a(f: { g: { h: 1 } }) { b } }").1, 2);
        assert_eq!(scan("{ a(s: \"{{{{\") }").1, 1);
    }
}
