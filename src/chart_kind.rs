//! The calculator's three charts as names, texts and sizes: which chart, its heading and hint,
//! and its CSS height at a width. Pure (no Yew, no canvas), so the pages that only need to lay a
//! chart out (the embed builder computing a snippet's height) do not link the calculator's
//! components, and the sizes are tested on the host.

/// Which chart a panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Commitments,
    Coverage,
    Cash,
}

impl ChartKind {
    pub const ALL: [ChartKind; 3] = [ChartKind::Commitments, ChartKind::Coverage, ChartKind::Cash];

    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Commitments => "commitments",
            ChartKind::Coverage => "coverage",
            ChartKind::Cash => "cash",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ChartKind::Commitments => "Commitments vs revenue",
            ChartKind::Coverage => "Coverage over time",
            ChartKind::Cash => "Cash position",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            ChartKind::Commitments => "Payments due each year, stacked by deal, against revenue and the cash available for them after other costs. Diamonds are reported figures.",
            ChartKind::Coverage => "Cash available for commitments, and revenue, divided by the payments due. Below 1× the year is not covered.",
            ChartKind::Cash => "Cash at the end of each year, after payments and raises. Below zero is money the company does not have.",
        }
    }
}

/// CSS height of a chart for a container width: shorter on phones.
pub fn chart_height(width: f64, kind: ChartKind) -> f64 {
    match (width < 520.0, kind) {
        // The commitments legend wraps to several rows on a phone: give the plot room.
        (true, ChartKind::Commitments) => 360.0,
        (true, _) => 280.0,
        (false, _) => 340.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_shorter_on_a_phone_except_the_commitments_legend() {
        let cases = [
            (390.0, ChartKind::Commitments, 360.0),
            (390.0, ChartKind::Coverage, 280.0),
            (519.0, ChartKind::Cash, 280.0),
            (520.0, ChartKind::Cash, 340.0),
            (820.0, ChartKind::Commitments, 340.0),
        ];
        for (width, kind, want) in cases {
            assert_eq!(chart_height(width, kind), want, "{kind:?} at {width}");
        }
    }
}
