//! The height an embed needs when the host page has no resize script: the embed page's layout
//! rules (styles/app.css, `.embed-page`) applied to its texts at the width the writer chooses.
//! Text widths are estimated with DejaVu Sans's advances (one of the widest common sans-serif
//! faces, and the one this project's test browser draws with), so the estimate is an upper
//! bound for the narrower system faces most readers have: the embed may end a few pixels above
//! the frame's bottom, never below it.

/// The widths a writer can choose for the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// `width:100%` of the post's column, up to [`MAX_WIDTH`]; the height fits columns from
    /// [`FULL_MIN`] up.
    Full,
    /// At most this many CSS pixels (less on a narrower column).
    Px(u32),
}

/// The widest an embed frame is drawn (`max-width` of the snippet).
pub const MAX_WIDTH: u32 = 820;
/// The narrowest column a full-width frame's height is computed for.
pub const FULL_MIN: u32 = 600;

impl Width {
    /// What the dialog offers, the default first.
    pub const CHOICES: [Width; 4] = [Width::Full, Width::Px(700), Width::Px(600), Width::Px(390)];

    /// The value of the dialog's option ("full", "700").
    pub fn id(self) -> String {
        match self {
            Width::Full => "full".into(),
            Width::Px(px) => px.to_string(),
        }
    }

    pub fn label(self) -> String {
        match self {
            Width::Full => format!("Full column ({FULL_MIN}–{MAX_WIDTH} px)"),
            Width::Px(390) => "390 px (a phone)".into(),
            Width::Px(px) => format!("{px} px"),
        }
    }

    /// The choice named by a dialog option value; unknown values give the default.
    pub fn from_id(id: &str) -> Width {
        Width::CHOICES
            .into_iter()
            .find(|w| w.id() == id)
            .unwrap_or(Width::Full)
    }

    /// The frame's `max-width` in CSS pixels.
    pub fn max_px(self) -> u32 {
        match self {
            Width::Full => MAX_WIDTH,
            Width::Px(px) => px.min(MAX_WIDTH),
        }
    }

    /// The frame widths the height must fit, every 4 px over the range (text wraps at
    /// different widths, and the charts change size at a breakpoint).
    fn widths(self) -> Vec<f64> {
        match self {
            Width::Full => (FULL_MIN..=MAX_WIDTH).step_by(4).map(f64::from).collect(),
            Width::Px(px) => vec![f64::from(px.clamp(240, MAX_WIDTH))],
        }
    }
}

/// One headline figure's texts, as a card shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub label: String,
    pub value: String,
    pub note: String,
    /// The card that carries the year picker (the coverage figure).
    pub year_picker: bool,
}

/// What the embed shows between its notices and its footer.
pub enum Body<'a> {
    /// A chart panel, optionally under a sentence (the Suppliers view): its heading, hint and
    /// chart (CSS height at a content width), then "Download PNG" and "Show data".
    Chart {
        sentence: Option<&'a str>,
        title: &'a str,
        hint: &'a str,
        chart_px: &'a dyn Fn(f64) -> f64,
    },
    /// The summary sentence and, for the figures view, the cards. Each entry is every text the
    /// reader can make it show (a sentence per slider position, the cards per year picked): the
    /// tallest counts.
    Words {
        sentences: &'a [String],
        cards: &'a [Vec<Card>],
    },
}

/// The embed page's content, as far as its height depends on it.
pub struct Layout<'a> {
    pub body: Body<'a>,
    /// Whether the key sliders are shown.
    pub controls: bool,
    /// The footer's text ("Open in the calculator · Scenario: …").
    pub footer: &'a str,
}

/// The frame height (CSS pixels) that shows all of `layout` at `width` without a scrollbar.
pub fn frame_height(layout: &Layout, width: Width) -> u32 {
    let tallest = width
        .widths()
        .into_iter()
        .map(|w| content_height(layout, w))
        .fold(0.0, f64::max);
    // Sub-pixel rounding in the browser's line boxes.
    (tallest + 2.0).ceil() as u32
}

// The rules of styles/app.css, in CSS pixels (1rem = 16 px; body text 15 px, line-height 1.45).
const LINE: f64 = 1.45;
const PAGE_PAD: f64 = 8.0;
const GAP: f64 = 10.0;
const PANEL_CHROME: f64 = 2.0 * (12.0 + 1.0);
const BUTTON: f64 = 15.0 * LINE + 2.0 * 5.0 + 2.0;

/// The page at a frame (viewport) width `w`.
fn content_height(layout: &Layout, w: f64) -> f64 {
    let inner = w - 2.0 * PAGE_PAD;
    let panel_inner = inner - PANEL_CHROME;
    let body = match &layout.body {
        Body::Chart {
            sentence,
            title,
            hint,
            chart_px,
        } => {
            let sentence = sentence.map_or(0.0, |s| sentence_height(s, panel_inner));
            let heading = text_height(title, 17.6, LINE, true, panel_inner) + 6.0;
            let hint = text_height(hint, 13.6, LINE, false, panel_inner) + 8.0;
            // "Download PNG" (6 px above), "Show data" (its summary 8 px above).
            let actions = 6.0 + BUTTON + 8.0 + 15.0 * LINE;
            PANEL_CHROME + sentence + heading + hint + chart_px(panel_inner) + actions
        }
        Body::Words { sentences, cards } => {
            let sentence = sentences
                .iter()
                .map(|s| sentence_height(s, panel_inner))
                .fold(0.0, f64::max);
            PANEL_CHROME + sentence + cards_height(cards, panel_inner)
        }
    };
    let controls = if layout.controls {
        GAP + controls_height(w)
    } else {
        0.0
    };
    let footer = text_height(layout.footer, 12.8, LINE, false, inner - 8.0);
    // The notices' (empty) box, the body, the controls and the footer, GAP apart.
    2.0 * PAGE_PAD + GAP + body + controls + GAP + footer
}

/// `.summary-sentence`: 1.15rem, semi-bold, line-height 1.4, margins 6 and 14.
fn sentence_height(s: &str, width: f64) -> f64 {
    6.0 + text_height(s, 18.4, 1.4, true, width) + 14.0
}

/// `.figures`: a grid of columns at least 190 px wide, 10 px apart; each row as tall as its
/// tallest card.
fn cards_height(variants: &[Vec<Card>], width: f64) -> f64 {
    let count = variants.iter().map(Vec::len).max().unwrap_or(0);
    if count == 0 {
        return 0.0;
    }
    let columns = (((width + 10.0) / 200.0).floor() as usize).max(1);
    let column = (width - 10.0 * (columns - 1) as f64) / columns as f64;
    let card = |i: usize| {
        variants
            .iter()
            .filter_map(|cards| cards.get(i))
            .map(|c| card_height(c, column))
            .fold(0.0, f64::max)
    };
    let rows: Vec<f64> = (0..count)
        .collect::<Vec<_>>()
        .chunks(columns)
        .map(|row| row.iter().map(|&i| card(i)).fold(0.0, f64::max))
        .collect();
    rows.iter().sum::<f64>() + 10.0 * (rows.len() - 1) as f64
}

/// `.figure`: borders 4 (top) and 1, padding 10 and 12; the label an `h3` in a panel (0.95rem
/// bold, margins 12 and 4, which the value's 2 px top margin collapses into), the value 1.35rem
/// bold, the note 0.78rem; the year picker (a 34 px select) 6 px below.
fn card_height(c: &Card, column: f64) -> f64 {
    let inner = column - 2.0 * (12.0 + 1.0);
    let picker = if c.year_picker { 6.0 + 34.0 } else { 0.0 };
    5.0 + 20.0
        + 12.0
        + text_height(&c.label, 15.2, LINE, true, inner)
        + 4.0
        + text_height(&c.value, 21.6, LINE, true, inner)
        + 2.0
        + text_height(&c.note, 12.48, LINE, false, inner)
        + picker
}

/// `.embed-controls`: two sliders side by side and the switch below from 560 px, else one
/// column (the labels never wrap: `white-space: nowrap`).
fn controls_height(w: f64) -> f64 {
    let slider = 13.5 * LINE + 4.0 + 21.3;
    let switch = 24.0 + 4.0 + 8.0;
    let rows = if w >= 560.0 {
        slider + GAP + switch
    } else {
        2.0 * (slider + GAP) + switch
    };
    PANEL_CHROME + rows
}

/// The height of `text` in a box `width` wide: its lines times the line height.
fn text_height(text: &str, font_px: f64, line_height: f64, bold: bool, width: f64) -> f64 {
    lines(text, font_px, bold, width) as f64 * font_px * line_height
}

/// How many lines `text` takes in a box `width` wide, broken at spaces as a browser does (a
/// word wider than the box is a line of its own). Empty text takes none.
pub fn lines(text: &str, font_px: f64, bold: bool, width: f64) -> usize {
    let space = advance(' ', bold) * font_px;
    let mut count = 0;
    let mut line = 0.0;
    for word in text.split_whitespace() {
        let w = word.chars().map(|c| advance(c, bold)).sum::<f64>() * font_px;
        if count == 0 {
            count = 1;
            line = w;
        } else if line + space + w <= width {
            line += space + w;
        } else {
            count += 1;
            line = w;
        }
    }
    count
}

/// DejaVu Sans advances of the printable ASCII characters, in hundredths of an em (measured in
/// Chromium with canvas `measureText`): book, then bold (also drawn for semi-bold).
const BOOK: [u8; 95] = [
    32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75,
    79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35,
    63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
];
const BOLD: [u8; 95] = [
    35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70,
    70, 70, 70, 40, 40, 84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100,
    84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72,
    68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71,
    37, 71, 84,
];

/// A character's advance in ems; anything outside ASCII (dashes, ×, accented letters) as the
/// widest, a full em.
fn advance(c: char, bold: bool) -> f64 {
    let table = if bold { &BOLD } else { &BOOK };
    (c as usize)
        .checked_sub(32)
        .and_then(|i| table.get(i))
        .map_or(1.0, |&w| f64::from(w) / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_spaces_as_the_box_allows() {
        // "mmmm" is 4 x 0.97 em: 62.08 px at 16 px; a space 5.12 px.
        let cases = [
            ("", 100.0, 0),
            ("mmmm", 10.0, 1), // too wide for the box: a line of its own
            ("mmmm mmmm", 129.28, 1),
            ("mmmm mmmm", 129.27, 2),
            ("mmmm mmmm mmmm", 130.0, 2),
            ("  mmmm   ", 100.0, 1),
        ];
        for (text, width, want) in cases {
            assert_eq!(lines(text, 16.0, false, width), want, "{text:?} in {width}");
        }
        // Bold is wider; unknown characters count as a full em.
        assert_eq!(lines("Cash Cash Cash", 16.0, false, 85.0), 2);
        assert_eq!(lines("Cash Cash Cash", 16.0, true, 85.0), 3);
        assert_eq!(lines("——————", 10.0, false, 59.0), 1);
        assert!(advance('—', false) >= advance('W', false));
    }

    fn chart(width: f64) -> f64 {
        if width < 520.0 {
            280.0
        } else {
            340.0
        }
    }

    fn chart_layout(controls: bool) -> Layout<'static> {
        Layout {
            body: Body::Chart {
                sentence: None,
                title: "Cash position",
                hint: "Cash at the end of each year, after payments and raises. Below zero is money the company does not have.",
                chart_px: &chart,
            },
            controls,
            footer: "Open in the calculator · Scenario: OpenAI, November 2025, figures as of 2025-11-30. Compute Coverage.",
        }
    }

    #[test]
    fn a_chart_embed_is_as_tall_as_its_parts_measured_in_the_browser() {
        // Measured in Chromium (DejaVu Sans) on the embed page before the resize script: the
        // cash chart at 820 px is 549 px tall, at 390 px 547 px (a shorter chart, more lines).
        let cases = [
            (Width::Px(820), false, 549.3),
            (Width::Px(390), false, 547.2),
            (Width::Px(700), false, 587.5),
        ];
        for (width, controls, measured) in cases {
            let h = f64::from(frame_height(&chart_layout(controls), width));
            assert!(
                (measured..measured + 8.0).contains(&h),
                "{width:?}: {h} for a page measured at {measured}"
            );
        }
        // The sliders add a panel, taller on a phone (one column).
        let wide = frame_height(&chart_layout(true), Width::Px(700))
            - frame_height(&chart_layout(false), Width::Px(700));
        let narrow = frame_height(&chart_layout(true), Width::Px(390))
            - frame_height(&chart_layout(false), Width::Px(390));
        assert!(narrow > wide && wide > 100, "{wide} {narrow}");
    }

    #[test]
    fn full_width_fits_every_column_it_covers() {
        let layout = chart_layout(false);
        let full = frame_height(&layout, Width::Full);
        for px in [600, 650, 700, 760, 820] {
            assert!(full >= frame_height(&layout, Width::Px(px)), "{px}");
        }
    }

    #[test]
    fn the_tallest_text_a_reader_can_choose_counts() {
        let short = vec!["Short.".to_string()];
        let both = vec!["Short.".to_string(), "A much longer sentence ".repeat(8)];
        let card = |note: &str, year_picker| Card {
            label: "Coverage".into(),
            value: "0.5×".into(),
            note: note.into(),
            year_picker,
        };
        let cards = vec![vec![card("Low.", true), card("Fine.", false)]];
        let layout = |sentences| Layout {
            body: Body::Words {
                sentences,
                cards: &cards,
            },
            controls: false,
            footer: "Footer.",
        };
        assert!(
            frame_height(&layout(&both), Width::Px(390))
                > frame_height(&layout(&short), Width::Px(390))
        );
        let one_year = vec![vec![card("Low.", true)]];
        let two_years = vec![
            vec![card("Low.", true)],
            vec![card(&"word ".repeat(60), true)],
        ];
        let words = |cards| Layout {
            body: Body::Words {
                sentences: &short,
                cards,
            },
            controls: false,
            footer: "",
        };
        assert!(
            frame_height(&words(&two_years), Width::Px(700))
                > frame_height(&words(&one_year), Width::Px(700))
        );
    }

    #[test]
    fn width_choices_round_trip_through_the_dialog() {
        for w in Width::CHOICES {
            assert_eq!(Width::from_id(&w.id()), w);
        }
        assert_eq!(Width::from_id("<script>"), Width::Full);
        assert_eq!(Width::Px(2000).max_px(), MAX_WIDTH);
    }
}
