//! Embed mode: which view the embed page (`embed/`, its own small download) shows, chosen by
//! query parameters (`embed=`, `controls=`, `theme=`) and the `#s1.` scenario fragment; the
//! addresses between the calculator and its embeds; and the `<iframe>` snippet that embeds one.

pub mod fit;

use crate::chart_kind::{self, ChartKind};
use crate::codec;
use crate::presets;
use crate::scenario::Scenario;
use crate::{adjust, engine, narrative};
use fit::{Body, Card, Layout, Width};
use std::fmt;

/// What an embed shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The commitments-vs-revenue chart.
    Commitments,
    /// The coverage chart.
    Coverage,
    /// The cash chart.
    Cash,
    /// The headline figures.
    Figures,
    /// The summary sentence.
    Summary,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Commitments,
        View::Coverage,
        View::Cash,
        View::Figures,
        View::Summary,
    ];

    pub fn id(self) -> &'static str {
        match self {
            View::Commitments => "commitments",
            View::Coverage => "coverage",
            View::Cash => "cash",
            View::Figures => "figures",
            View::Summary => "summary",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Commitments => "Chart: commitments vs revenue",
            View::Coverage => "Chart: coverage over time",
            View::Cash => "Chart: cash position",
            View::Figures => "Headline figures",
            View::Summary => "Summary sentence",
        }
    }

    /// The chart the view shows, if it is one.
    pub fn chart(self) -> Option<ChartKind> {
        match self {
            View::Commitments => Some(ChartKind::Commitments),
            View::Coverage => Some(ChartKind::Coverage),
            View::Cash => Some(ChartKind::Cash),
            View::Figures | View::Summary => None,
        }
    }
}

/// Whether readers get controls to play with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Controls {
    None,
    /// A few sliders: growth, non-compute share, firm contracts only.
    Key,
}

/// The theme an embed asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedTheme {
    /// Follows the reader's system setting (matches most host pages).
    Auto,
    Light,
    Dark,
}

impl EmbedTheme {
    pub fn id(self) -> &'static str {
        match self {
            EmbedTheme::Auto => "auto",
            EmbedTheme::Light => "light",
            EmbedTheme::Dark => "dark",
        }
    }

    /// The theme whose [`id`](EmbedTheme::id) is `id` (a snippet dialog's choice); anything
    /// else follows the reader's system.
    pub fn from_id(id: &str) -> EmbedTheme {
        match id {
            "light" => EmbedTheme::Light,
            "dark" => EmbedTheme::Dark,
            _ => EmbedTheme::Auto,
        }
    }
}

/// How much a snippet dialog shrinks its preview of an embed `width` px wide to fit a box
/// `available` px wide: never enlarged, and 1 while the box is not measured yet.
pub fn preview_scale(available: f64, width: u32) -> f64 {
    if available > 0.0 {
        (available / f64::from(width)).min(1.0)
    } else {
        1.0
    }
}

/// The line above a snippet dialog's preview.
pub fn preview_label(width: u32, height: u32, scale: f64) -> String {
    format!(
        "Preview: {width} px wide, {height} px tall{}",
        if scale < 1.0 { ", shown smaller" } else { "" }
    )
}

/// What a snippet dialog says once copying the snippet worked, or did not.
pub fn copy_status(ok: bool) -> &'static str {
    if ok {
        "Snippet copied."
    } else {
        "Copying was blocked: select the snippet and copy it."
    }
}

/// An embed's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Embed {
    pub view: View,
    pub controls: Controls,
    pub theme: EmbedTheme,
}

/// A query parameter with a value this app does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadParam {
    pub name: &'static str,
    pub value: String,
    pub allowed: &'static str,
}

impl fmt::Display for BadParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value: String = self.value.chars().take(40).collect();
        write!(
            f,
            "unknown {}=\"{}\"; use {}",
            self.name, value, self.allowed
        )
    }
}

/// Reads the embed settings from a query string (`?embed=cash&theme=dark`). `Ok(None)` when the
/// page is not embedded; unknown values are reported, falling back to a sensible default.
pub fn parse_query(query: &str) -> (Option<Embed>, Vec<BadParam>) {
    let mut problems = Vec::new();
    let mut view = None;
    let mut controls = Controls::None;
    let mut theme = EmbedTheme::Auto;
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode_component(value);
        match key {
            "embed" => {
                view = Some(
                    View::ALL
                        .into_iter()
                        .find(|v| v.id() == value)
                        .unwrap_or_else(|| {
                            problems.push(BadParam {
                                name: "embed",
                                value: value.clone(),
                                allowed: "commitments, coverage, cash, figures or summary",
                            });
                            View::Summary
                        }),
                )
            }
            "controls" => {
                controls = match value.as_str() {
                    "none" => Controls::None,
                    "key" => Controls::Key,
                    _ => {
                        problems.push(BadParam {
                            name: "controls",
                            value,
                            allowed: "none or key",
                        });
                        Controls::None
                    }
                }
            }
            "theme" => {
                theme = match value.as_str() {
                    "auto" => EmbedTheme::Auto,
                    "light" => EmbedTheme::Light,
                    "dark" => EmbedTheme::Dark,
                    _ => {
                        problems.push(BadParam {
                            name: "theme",
                            value,
                            allowed: "auto, light or dark",
                        });
                        EmbedTheme::Auto
                    }
                }
            }
            _ => {}
        }
    }
    (
        view.map(|view| Embed {
            view,
            controls,
            theme,
        }),
        problems,
    )
}

/// Percent-decoding for query values (only what our own links contain needs to round-trip;
/// anything malformed is kept as typed and then reported as unknown).
fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Escapes text for HTML content or a double-quoted attribute: the snippet a writer pastes into
/// their page, and everything the embed page writes as markup from a scenario.
pub fn escape_html(s: &str) -> String {
    // One pass over the characters: smaller in every page's download than four `replace`s.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The folder of a page's address: everything up to and including the last `/` (so
/// `https://h/tools/coverage/index.html` and `https://h/tools/coverage/` both give
/// `https://h/tools/coverage/`). Query and fragment are not expected (see `browser::page_url`).
pub fn base_url(page_url: &str) -> &str {
    match page_url.rfind('/') {
        Some(i) => &page_url[..=i],
        None => page_url,
    }
}

/// The folder, below the calculator's, that holds the embed page.
pub const EMBED_DIR: &str = "embed/";

/// The folder, below the calculator's, of the embed builder ("Embed in your post"): a page of
/// its own, so the calculator's readers do not download it.
pub const PUBLISH_DIR: &str = "publish/";

/// The calculator's folder, seen from the embed page's address (`…/coverage/embed/` or
/// `…/coverage/embed/index.html` give `…/coverage/`). A page served elsewhere keeps its folder.
pub fn calculator_url(embed_page_url: &str) -> &str {
    calculator_url_from(embed_page_url, EMBED_DIR)
}

/// The calculator's folder, seen from the address of a page in its subfolder `dir` (the embed
/// page, the embed builder). A page served elsewhere keeps its folder.
pub fn calculator_url_from<'a>(page_url: &'a str, dir: &str) -> &'a str {
    let base = base_url(page_url);
    base.strip_suffix(dir)
        .filter(|b| b.ends_with('/'))
        .unwrap_or(base)
}

/// The embed's URL: the embed page under the calculator's folder `app_base`, with the embed
/// parameters and the scenario fragment.
pub fn embed_url(app_base: &str, embed: Embed, fragment: &str) -> String {
    let mut url = format!("{app_base}{EMBED_DIR}?embed={}", embed.view.id());
    if embed.controls == Controls::Key {
        url.push_str("&controls=key");
    }
    if embed.theme != EmbedTheme::Auto {
        url.push_str(&format!("&theme={}", embed.theme.id()));
    }
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment.trim_start_matches('#'));
    }
    url
}

/// The folder, below the calculator's, of the Suppliers page, whose own download also draws
/// its embed (`?embed=suppliers`): the embed page's download stays as small as its views need.
pub const SUPPLIERS_DIR: &str = "suppliers/";

/// The Suppliers view's embed URL: the Suppliers page under the calculator's folder `app_base`,
/// with the set of companies' fragment (`c=…`).
pub fn suppliers_embed_url(app_base: &str, theme: EmbedTheme, fragment: &str) -> String {
    let mut url = format!("{app_base}{SUPPLIERS_DIR}?embed=suppliers");
    if theme != EmbedTheme::Auto {
        url.push_str(&format!("&theme={}", theme.id()));
    }
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment.trim_start_matches('#'));
    }
    url
}

/// Whether a query asks for the Suppliers view (`embed=suppliers`), and the theme it names
/// (unknown themes follow the reader's system).
pub fn suppliers_query(query: &str) -> Option<EmbedTheme> {
    let mut embed = false;
    let mut theme = EmbedTheme::Auto;
    for pair in query.trim_start_matches('?').split('&') {
        match pair {
            "embed=suppliers" => embed = true,
            "theme=light" => theme = EmbedTheme::Light,
            "theme=dark" => theme = EmbedTheme::Dark,
            _ => {}
        }
    }
    embed.then_some(theme)
}

/// The frame of an embed: as wide as the post's column up to `width`, and `height` tall (what
/// [`fit::frame_height`] computes for the view at that width).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    pub width: Width,
    pub height: u32,
}

/// The copy-ready snippet for the embed at `src`: an `<iframe>` with a title, lazy loading and
/// the frame's size, plus (optionally) the script that sizes every embed to its content.
/// `app_base` is the calculator's folder (see [`base_url`]), where the script is.
pub fn snippet(src: &str, title: &str, frame: Frame, app_base: &str, with_script: bool) -> String {
    let mut html = format!(
        "<iframe data-compute-coverage src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{}\" style=\"border:0;width:100%;max-width:{}px\"></iframe>",
        escape_html(src),
        escape_html(&format!("Compute Coverage: {title}")),
        frame.height,
        frame.width.max_px()
    );
    if with_script {
        html.push_str(&format!(
            "\n<script src=\"{}embed.js\" async></script>",
            escape_html(app_base)
        ));
    }
    html
}

/// The embed's footer after its link: where the figures come from.
pub fn source_line(s: &Scenario) -> String {
    match &s.as_of {
        Some(date) => format!("Scenario: {}, figures as of {date}.", s.name),
        None => format!("Scenario: {}.", s.name),
    }
}

/// The footer's whole text, as [`fit`] measures it.
pub fn footer_text(s: &Scenario) -> String {
    format!(
        "Open in the calculator · {} Compute Coverage.",
        source_line(s)
    )
}

/// The frame height that shows `embed` of `scenario` whole at `width`, without the script:
/// what an embed builder writes into the snippet.
pub fn frame_height(embed: Embed, width: Width, scenario: &Scenario) -> u32 {
    let footer = footer_text(scenario);
    let controls = embed.controls == Controls::Key;
    match embed.view.chart() {
        Some(kind) => {
            let chart_px = move |w: f64| chart_kind::chart_height(w, kind);
            let layout = Layout {
                body: Body::Chart {
                    sentence: None,
                    title: kind.title(),
                    hint: kind.description(),
                    chart_px: &chart_px,
                },
                controls,
                footer: &footer,
            };
            fit::frame_height(&layout, width)
        }
        None => {
            let (sentences, cards) = words(embed, scenario);
            let layout = Layout {
                body: Body::Words {
                    sentences: &sentences,
                    cards: &cards,
                },
                controls,
                footer: &footer,
            };
            fit::frame_height(&layout, width)
        }
    }
}

/// The texts the summary or figures view of `scenario` can show: the sentence and the cards
/// for every year the reader can pick and, with the key sliders, at their ends and middles
/// (the tallest counts; positions between them write figures at most a few characters longer,
/// which the last sentence's extra word stands for).
pub fn words(embed: Embed, scenario: &Scenario) -> (Vec<String>, Vec<Vec<Card>>) {
    let mut shown = vec![scenario.clone()];
    if embed.controls == Controls::Key {
        for growth in [0.5, 1.0, 1.5] {
            for opex in [-0.15, 0.0, 0.15] {
                for firm_only in [false, true] {
                    let mut d =
                        adjust::shift_opex(&adjust::scale_growth(scenario.draft(), growth), opex);
                    d.firm_only = firm_only;
                    if let Ok(s) = Scenario::new(d) {
                        shown.push(s);
                    }
                }
            }
        }
    }
    let mut sentences = Vec::new();
    let mut cards = Vec::new();
    for s in &shown {
        let p = engine::project(s);
        sentences.push(narrative::summary_sentence(s, &p));
        if embed.view == View::Figures {
            for year in s.years() {
                cards.push(
                    narrative::headline_figures(s, &p, year)
                        .into_iter()
                        .map(|f| Card {
                            year_picker: f.id == "coverage",
                            label: f.label,
                            value: f.value,
                            note: f.explanation,
                        })
                        .collect(),
                );
            }
        }
    }
    if embed.controls == Controls::Key {
        if let Some(longest) = sentences.iter().max_by_key(|s| s.len()).cloned() {
            sentences.push(format!("{longest} $000.00B"));
        }
    }
    (sentences, cards)
}

/// What the embed page opens with: its settings, the scenario to show, the fragment that names
/// that scenario (for the "open in the calculator" link) and what was wrong with the address.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbedStart {
    pub embed: Embed,
    pub scenario: Scenario,
    /// The address's own `s1.` fragment when it opened, so the calculator link carries exactly
    /// the writer's scenario without the embed re-encoding it (the encoder is not in its
    /// download). `None` when the default scenario is shown.
    pub fragment: Option<String>,
    /// Problems with the address, as sentences for the page.
    pub problems: Vec<String>,
}

/// Reads the embed page's address: the query (`?embed=cash&controls=key`) and the fragment
/// (`s1.…`, with or without `#`). A missing `embed=` shows the first chart; a broken link is
/// reported and the default scenario shown, never a panic.
pub fn open(query: &str, fragment: &str) -> EmbedStart {
    let (embed, bad) = parse_query(query);
    let mut problems: Vec<String> = bad
        .iter()
        .map(|p| format!("This page's address has an {p}."))
        .collect();
    let embed = embed.unwrap_or(Embed {
        view: View::Commitments,
        controls: Controls::None,
        theme: EmbedTheme::Auto,
    });
    let fragment = fragment.trim_start_matches('#');
    let from_link = if codec::is_scenario_fragment(fragment) {
        match codec::decode(fragment) {
            Ok(s) => Some(s),
            Err(e) => {
                problems.push(format!(
                    "This link could not be opened: {e}. The default scenario is shown instead."
                ));
                None
            }
        }
    } else {
        None
    };
    match from_link {
        Some(scenario) => EmbedStart {
            embed,
            scenario,
            fragment: Some(fragment.to_string()),
            problems,
        },
        // The default's notes and sources are never shown here: left out of the download.
        None => EmbedStart {
            embed,
            scenario: presets::default_without_notes(),
            fragment: None,
            problems,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PRESETS;

    #[test]
    fn a_dialog_theme_choice_reads_back_and_anything_else_is_auto() {
        for theme in [EmbedTheme::Auto, EmbedTheme::Light, EmbedTheme::Dark] {
            assert_eq!(EmbedTheme::from_id(theme.id()), theme, "{}", theme.id());
        }
        for other in ["", "Dark", "sepia"] {
            assert_eq!(EmbedTheme::from_id(other), EmbedTheme::Auto, "{other:?}");
        }
    }

    #[test]
    fn the_preview_shrinks_to_its_box_and_never_grows() {
        let cases = [
            (
                (350.0, 700),
                0.5,
                "Preview: 700 px wide, 400 px tall, shown smaller",
            ),
            ((700.0, 700), 1.0, "Preview: 700 px wide, 400 px tall"),
            ((1400.0, 700), 1.0, "Preview: 700 px wide, 400 px tall"),
            // Not measured yet (a closed dialog): shown at full size.
            ((0.0, 700), 1.0, "Preview: 700 px wide, 400 px tall"),
        ];
        for ((available, width), scale, label) in cases {
            let got = preview_scale(available, width);
            assert_eq!(got, scale, "{available} px for {width} px");
            assert_eq!(preview_label(width, 400, got), label);
        }
    }

    #[test]
    fn escaped_text_cannot_open_a_tag_or_leave_an_attribute() {
        let cases = [
            ("plain", "plain"),
            ("a & b", "a &amp; b"),
            (
                r#""><img src=x onerror="f()">"#,
                "&quot;&gt;&lt;img src=x onerror=&quot;f()&quot;&gt;",
            ),
            ("&lt;", "&amp;lt;"),
        ];
        for (input, want) in cases {
            assert_eq!(escape_html(input), want, "input {input:?}");
        }
    }

    #[test]
    fn query_parameters_choose_the_view() {
        let (e, problems) = parse_query("?embed=cash&controls=key&theme=dark");
        assert_eq!(
            e,
            Some(Embed {
                view: View::Cash,
                controls: Controls::Key,
                theme: EmbedTheme::Dark
            })
        );
        assert!(problems.is_empty());
        assert_eq!(parse_query("").0, None);
        assert_eq!(parse_query("?utm_source=x").0, None);
    }

    #[test]
    fn unknown_values_are_reported_and_fall_back() {
        let (e, problems) = parse_query("?embed=%3Cscript%3E&theme=neon");
        assert_eq!(e.unwrap().view, View::Summary);
        assert_eq!(problems.len(), 2);
        assert_eq!(
            problems[0].to_string(),
            "unknown embed=\"<script>\"; use commitments, coverage, cash, figures or summary"
        );
        let (_, p) = parse_query("?embed=cash%");
        assert_eq!(p.len(), 1, "a stray percent sign is not a crash");
        let (_, p) = parse_query("?embed=%zz%e");
        assert_eq!(p.len(), 1);
        let (_, p) = parse_query("?embed=%aé&theme=%é");
        assert_eq!(
            p.len(),
            2,
            "multi-byte text after a percent sign is not a crash"
        );
    }

    #[test]
    fn snippet_is_copy_ready_and_escaped() {
        let e = Embed {
            view: View::Coverage,
            controls: Controls::None,
            theme: EmbedTheme::Auto,
        };
        let base = "https://example.org/tools/coverage/";
        let src = embed_url(base, e, "#s1.abc");
        let title = format!("{} — Mine \"<b>\"", e.view.label());
        let frame = Frame {
            width: Width::Px(390),
            height: 612,
        };
        let s = snippet(&src, &title, frame, base, true);
        assert!(s.starts_with("<iframe data-compute-coverage src=\"https://example.org/tools/coverage/embed/?embed=coverage#s1.abc\""));
        assert!(s.contains(
            "title=\"Compute Coverage: Chart: coverage over time — Mine &quot;&lt;b&gt;&quot;\""
        ));
        assert!(s.contains("loading=\"lazy\""));
        assert!(s.contains("height=\"612\" style=\"border:0;width:100%;max-width:390px\""));
        assert!(s.ends_with(
            "<script src=\"https://example.org/tools/coverage/embed.js\" async></script>"
        ));
        let full = Frame {
            width: Width::Full,
            height: 600,
        };
        let s = snippet(&src, &title, full, base, false);
        assert!(s.ends_with("max-width:820px\"></iframe>"), "{s}");
    }

    #[test]
    fn the_suppliers_view_has_its_address_on_the_suppliers_page() {
        assert_eq!(
            suppliers_embed_url("https://h/c/", EmbedTheme::Dark, "#c1.x"),
            "https://h/c/suppliers/?embed=suppliers&theme=dark#c1.x"
        );
        assert_eq!(
            suppliers_embed_url("https://h/c/", EmbedTheme::Auto, ""),
            "https://h/c/suppliers/?embed=suppliers"
        );
        let cases = [
            ("?embed=suppliers", Some(EmbedTheme::Auto)),
            ("?theme=dark&embed=suppliers", Some(EmbedTheme::Dark)),
            ("embed=suppliers&theme=light", Some(EmbedTheme::Light)),
            ("?embed=suppliers&theme=neon", Some(EmbedTheme::Auto)),
            ("?embed=cash", None),
            ("?embed=suppliersx", None),
            ("", None),
        ];
        for (query, want) in cases {
            assert_eq!(suppliers_query(query), want, "{query:?}");
        }
    }

    #[test]
    fn the_words_views_measure_every_text_a_reader_can_show() {
        let s = PRESETS[0].scenario();
        let mut e = Embed {
            view: View::Figures,
            controls: Controls::None,
            theme: EmbedTheme::Auto,
        };
        let (sentences, cards) = words(e, &s);
        assert_eq!(sentences.len(), 1);
        assert_eq!(cards.len(), s.years().count(), "one set of cards per year");
        assert_eq!(
            cards[0].iter().filter(|c| c.year_picker).count(),
            1,
            "the coverage card carries the year picker"
        );
        e.controls = Controls::Key;
        let (sentences, _) = words(e, &s);
        assert!(
            sentences.len() > 10,
            "slider positions: {}",
            sentences.len()
        );
        e.view = View::Summary;
        assert!(words(e, &s).1.is_empty(), "no cards in the summary view");
        assert_eq!(
            footer_text(&s),
            format!(
                "Open in the calculator · {} Compute Coverage.",
                source_line(&s)
            )
        );
    }

    #[test]
    fn addresses_between_the_calculator_and_its_embeds() {
        let cases = [
            // (page address, its folder, the calculator's folder seen from an embed there)
            (
                "https://h/tools/coverage/",
                "https://h/tools/coverage/",
                "https://h/tools/coverage/",
            ),
            (
                "https://h/tools/coverage/index.html",
                "https://h/tools/coverage/",
                "https://h/tools/coverage/",
            ),
            (
                "https://h/tools/coverage/embed/",
                "https://h/tools/coverage/embed/",
                "https://h/tools/coverage/",
            ),
            (
                "https://h/tools/coverage/embed/index.html",
                "https://h/tools/coverage/embed/",
                "https://h/tools/coverage/",
            ),
            ("https://h/embed/", "https://h/embed/", "https://h/"),
            // A folder merely ending in "embed" is not the embed folder.
            (
                "https://h/myembed/",
                "https://h/myembed/",
                "https://h/myembed/",
            ),
            ("", "", ""),
        ];
        for (page, base, calculator) in cases {
            assert_eq!(base_url(page), base, "folder of {page:?}");
            assert_eq!(
                calculator_url(page),
                calculator,
                "calculator seen from {page:?}"
            );
        }
        let e = Embed {
            view: View::Cash,
            controls: Controls::Key,
            theme: EmbedTheme::Dark,
        };
        assert_eq!(
            embed_url("https://h/c/", e, "#s1.x"),
            "https://h/c/embed/?embed=cash&controls=key&theme=dark#s1.x"
        );
        // The embed builder's page sees the same calculator folder from its own.
        let cases = [
            (
                "https://h/tools/coverage/publish/",
                "https://h/tools/coverage/",
            ),
            (
                "https://h/tools/coverage/publish/index.html",
                "https://h/tools/coverage/",
            ),
            ("https://h/mypublish/", "https://h/mypublish/"),
        ];
        for (page, calculator) in cases {
            assert_eq!(
                calculator_url_from(page, PUBLISH_DIR),
                calculator,
                "{page:?}"
            );
        }
    }

    #[test]
    fn a_snippet_is_as_tall_as_its_view_and_taller_with_the_sliders() {
        let s = presets::default_without_notes();
        let embed = |view, controls| Embed {
            view,
            controls,
            theme: EmbedTheme::Auto,
        };
        for view in View::ALL {
            let plain = frame_height(embed(view, Controls::None), Width::Px(700), &s);
            let key = frame_height(embed(view, Controls::Key), Width::Px(700), &s);
            assert!(
                key > plain + 100,
                "{view:?}: {plain} then {key} with the sliders"
            );
            // A phone's column wraps the texts onto more lines.
            let phone = frame_height(embed(view, Controls::None), Width::Px(390), &s);
            assert!(
                phone > plain || view.chart().is_some(),
                "{view:?}: {phone} at 390 px"
            );
            assert_eq!(
                view.chart().is_some(),
                view.chart().map(|k| k.id()) == Some(view.id())
            );
        }
        // A chart view is its chart's height plus the texts around it.
        let cash = frame_height(embed(View::Cash, Controls::None), Width::Px(700), &s);
        assert!((540..640).contains(&cash), "{cash}");
    }

    #[test]
    fn the_embed_page_opens_its_address() {
        let s = crate::presets::PRESETS[1].scenario();
        let link = codec::encode(&s);
        let start = open("?embed=figures&controls=key", &format!("#{link}"));
        assert_eq!(start.embed.view, View::Figures);
        assert_eq!(start.embed.controls, Controls::Key);
        assert_eq!(start.scenario, s);
        assert_eq!(start.fragment.as_deref(), Some(link.as_str()));
        assert!(start.problems.is_empty(), "{:?}", start.problems);

        // No scenario in the address: the default (its figures, without its notes), and no
        // fragment to pass on.
        let start = open("", "");
        assert_eq!(start.embed.view, View::Commitments);
        assert_eq!(start.scenario, presets::default_without_notes());
        assert_eq!(
            engine::project(&start.scenario),
            engine::project(&PRESETS[0].scenario())
        );
        assert_eq!(start.fragment, None);
        assert!(start.problems.is_empty());
        // An unrelated anchor is not a broken link.
        assert!(open("?embed=cash", "#top").problems.is_empty());

        // A damaged link and an unknown view: both said, the default shown, no fragment kept.
        let start = open("?embed=pie", &format!("{}!!", &link[..link.len() / 2]));
        assert_eq!(start.scenario, presets::default_without_notes());
        assert_eq!(start.fragment, None);
        assert_eq!(start.problems.len(), 2, "{:?}", start.problems);
        assert!(start.problems[0].contains("unknown embed=\"pie\""));
        assert!(start.problems[1].starts_with("This link could not be opened: "));
        assert!(start.problems[1].ends_with("The default scenario is shown instead."));
    }
}
