//! The scenario panel's "Notes and sources" body as HTML text: the built-in scenario's summary,
//! notes and sources, and the web address of each deal that gives one. It is text and links
//! only, no control, so the page inserts it as one piece of markup (the code for each element
//! that Yew's `html!` would write stays out of the download). Every text and address is escaped
//! ([`escape_html`]): a deal's name and source are the reader's. Pure, so tested on the host.

use crate::embed::escape_html;
use crate::presets::Preset;

/// A list item holding a link that opens in a new tab.
fn link_item(out: &mut String, url: &str, text: &str) {
    out.push_str(r#"<li><a href=""#);
    out.push_str(&escape_html(url));
    out.push_str(r#"" target="_blank" rel="noopener noreferrer">"#);
    out.push_str(&escape_html(text));
    out.push_str("</a></li>");
}

/// The body under "Notes and sources": the preset's summary, notes and sources when the
/// scenario started from one; then "Deal sources", a link per deal whose source is a web
/// address (`deals`: each deal's name and source as typed); then the reminder about deal notes.
pub fn notes_and_sources<'a>(
    preset: Option<&Preset>,
    deals: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    let mut out = String::new();
    if let Some(p) = preset {
        out.push_str("<p>");
        out.push_str(&escape_html(p.summary));
        out.push_str("</p><ul>");
        for n in p.notes {
            out.push_str("<li>");
            out.push_str(&escape_html(n));
            out.push_str("</li>");
        }
        out.push_str("</ul><h3>Sources</h3><ul>");
        for s in p.sources {
            match s.url {
                Some(url) => link_item(&mut out, url, s.label),
                None => {
                    out.push_str("<li>");
                    out.push_str(&escape_html(s.label));
                    out.push_str("</li>");
                }
            }
        }
        out.push_str("</ul>");
    }
    let mut linked = deals
        .into_iter()
        .map(|(name, source)| (name, source.trim()))
        .filter(|(_, source)| source.starts_with("https://") || source.starts_with("http://"))
        .peekable();
    if linked.peek().is_some() {
        out.push_str("<h3>Deal sources</h3><ul>");
        for (name, url) in linked {
            link_item(&mut out, url, name);
        }
        out.push_str("</ul>");
    }
    out.push_str(r#"<p class="hint">Each deal's note says which of its numbers are reported and which are assumptions.</p>"#);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PRESETS;

    const HINT: &str = r#"<p class="hint">Each deal's note says which of its numbers are reported and which are assumptions.</p>"#;

    #[test]
    fn a_preset_shows_its_summary_every_note_and_every_source() {
        let p = &PRESETS[0];
        let html = notes_and_sources(Some(p), []);
        assert!(html.starts_with(&format!("<p>{}</p><ul>", escape_html(p.summary))));
        assert_eq!(
            html.matches("<li>").count(),
            p.notes.len() + p.sources.len()
        );
        let links = p.sources.iter().filter(|s| s.url.is_some()).count();
        assert_eq!(
            html.matches(r#"target="_blank" rel="noopener noreferrer""#)
                .count(),
            links
        );
        assert!(html.contains("<h3>Sources</h3>"));
        assert!(!html.contains("Deal sources"));
        assert!(html.ends_with(HINT));
    }

    #[test]
    fn only_deals_with_a_web_address_are_linked_and_text_is_escaped() {
        let cases: [(&[(&str, &str)], &str); 5] = [
            (&[], HINT),
            (&[("Oracle", "Reported by the company")], HINT),
            (&[("Oracle", "javascript:alert(1)")], HINT),
            (
                &[("AWS", "  https://example.com/a?b=1&c=2 ")],
                r#"<h3>Deal sources</h3><ul><li><a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">AWS</a></li></ul>"#,
            ),
            (
                &[("<b>\"x\"</b>", "http://e.com/\"><script>")],
                r#"<h3>Deal sources</h3><ul><li><a href="http://e.com/&quot;&gt;&lt;script&gt;" target="_blank" rel="noopener noreferrer">&lt;b&gt;&quot;x&quot;&lt;/b&gt;</a></li></ul>"#,
            ),
        ];
        for (deals, expected) in cases {
            let html = notes_and_sources(None, deals.iter().copied());
            let expected = if expected == HINT {
                HINT.to_string()
            } else {
                format!("{expected}{HINT}")
            };
            assert_eq!(html, expected, "deals {deals:?}");
        }
    }
}
