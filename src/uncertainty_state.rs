//! The uncertainty page's state as one reducer: the ranges as typed, the scenario they last
//! made valid (what the Monte Carlo, the tornado and the link use), the messages of the fields
//! that cannot be read, and the scenarios chosen for the side-by-side comparison; and the
//! Monte Carlo's progress and result. Pure, so every rule is tested on the host.

use crate::parse::{parse_int, parse_number, parse_percent};
use crate::scenario::{Scenario, ScenarioError, Uncertainty};
use crate::state::{input_text, Kind};
use crate::uncertainty::MonteCarlo;
use std::rc::Rc;

/// Most scenarios in the comparison.
pub const MAX_COMPARED: usize = 4;

/// The settings as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsText {
    pub growth_low: String,
    pub growth_high: String,
    pub opex_low: String,
    pub opex_high: String,
    pub cancel: String,
    pub delay: String,
    pub samples: String,
    pub seed: String,
    /// The tornado's range of deal values, as changes in percent.
    pub deal_low: String,
    pub deal_high: String,
}

impl SettingsText {
    pub fn from(u: &Uncertainty) -> SettingsText {
        SettingsText {
            growth_low: input_text(u.growth_multiplier.0, Kind::Number),
            growth_high: input_text(u.growth_multiplier.1, Kind::Number),
            opex_low: input_text(u.opex_shift.0, Kind::Percent),
            opex_high: input_text(u.opex_shift.1, Kind::Percent),
            cancel: input_text(u.cancel_chance, Kind::Percent),
            delay: u.max_delay.to_string(),
            samples: u.samples.to_string(),
            seed: u.seed.to_string(),
            deal_low: input_text(u.deal_value_range.0, Kind::Percent),
            deal_high: input_text(u.deal_value_range.1, Kind::Percent),
        }
    }

    /// The settings, or the (path, message) of each field that cannot be read.
    pub fn read(&self) -> Result<Uncertainty, Vec<(&'static str, String)>> {
        let mut errors = Vec::new();
        let mut num = |path: &'static str,
                       text: &str,
                       f: fn(&str) -> Result<f64, crate::parse::ParseError>| {
            f(text).unwrap_or_else(|e| {
                errors.push((path, e.to_string()));
                0.0
            })
        };
        let g0 = num(
            "uncertainty.growth_multiplier.low",
            &self.growth_low,
            parse_number,
        );
        let g1 = num(
            "uncertainty.growth_multiplier.high",
            &self.growth_high,
            parse_number,
        );
        let o0 = num("uncertainty.opex_shift.low", &self.opex_low, parse_percent);
        let o1 = num(
            "uncertainty.opex_shift.high",
            &self.opex_high,
            parse_percent,
        );
        let cancel = num("uncertainty.cancel_chance", &self.cancel, parse_percent);
        let d0 = num(
            "uncertainty.deal_value_range.low",
            &self.deal_low,
            parse_percent,
        );
        let d1 = num(
            "uncertainty.deal_value_range.high",
            &self.deal_high,
            parse_percent,
        );
        let mut whole = |path: &'static str, text: &str| match parse_int(text) {
            Ok(v) if v >= 0 => v as u32,
            Ok(_) => {
                errors.push((path, "Must not be negative".into()));
                0
            }
            Err(e) => {
                errors.push((path, e.to_string()));
                0
            }
        };
        let delay = whole("uncertainty.max_delay", &self.delay);
        let samples = whole("uncertainty.samples", &self.samples);
        let seed = match self.seed.trim().parse::<u64>() {
            Ok(s) => s,
            Err(_) => {
                errors.push((
                    "uncertainty.seed",
                    "The seed must be a whole number from 0 up".into(),
                ));
                0
            }
        };
        if errors.is_empty() {
            Ok(Uncertainty {
                growth_multiplier: (g0, g1),
                opex_shift: (o0, o1),
                cancel_chance: cancel,
                max_delay: delay,
                samples,
                seed,
                deal_value_range: (d0, d1),
            })
        } else {
            Err(errors)
        }
    }
}

/// The page's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The scenario with the last valid ranges.
    pub scenario: Rc<Scenario>,
    /// The ranges as typed.
    pub text: SettingsText,
    /// (path, message) of each range that cannot be used; the results are then stale.
    pub errors: Vec<(String, String)>,
    /// The scenarios in the comparison, in the order chosen: 0 is the page's scenario, i >= 1
    /// the saved entry i - 1.
    pub compared: Vec<usize>,
}

/// What the reader does on the page.
// One action per keystroke, moved straight into the reducer: boxing the text would add an
// allocation and code for no saving.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum SettingsAction {
    /// The ranges as now typed.
    Edit(SettingsText),
    /// Back to the default ranges.
    Reset,
    /// Put a scenario in the comparison (`on`) or take it out.
    Compare { index: usize, on: bool },
}

impl Settings {
    pub fn new(scenario: Rc<Scenario>) -> Settings {
        Settings {
            text: SettingsText::from(&scenario.uncertainty()),
            scenario,
            errors: Vec::new(),
            compared: vec![0],
        }
    }

    /// The settings after `action`, or `None` when nothing changes.
    pub fn apply(&self, action: SettingsAction) -> Option<Settings> {
        match action {
            SettingsAction::Edit(text) => self.edit(text),
            SettingsAction::Reset => self.edit(SettingsText::from(&Uncertainty::default())),
            SettingsAction::Compare { index, on } => {
                let mut compared = self.compared.clone();
                if on {
                    if compared.len() >= MAX_COMPARED || compared.contains(&index) {
                        return None;
                    }
                    compared.push(index);
                } else {
                    compared.retain(|&j| j != index);
                }
                (compared != self.compared).then(|| Settings {
                    compared,
                    ..self.clone()
                })
            }
        }
    }

    fn edit(&self, text: SettingsText) -> Option<Settings> {
        if text == self.text {
            return None;
        }
        let mut next = Settings {
            text,
            ..self.clone()
        };
        match next.text.read() {
            Ok(u) => {
                let mut d = self.scenario.draft().clone();
                d.uncertainty = Some(u);
                match Scenario::new(d) {
                    Ok(s) => {
                        next.errors.clear();
                        // The same ranges typed another way ("1.30" for "1.3", or the
                        // defaults written out) keep the same scenario, so nothing downstream
                        // runs again; only the ranges differ between the two.
                        if s.uncertainty() != self.scenario.uncertainty() {
                            next.scenario = Rc::new(s);
                        }
                    }
                    Err(ScenarioError::Invalid(list)) => {
                        next.errors = list.into_iter().map(|e| (e.path, e.message)).collect();
                    }
                    Err(e) => next.errors = vec![(String::new(), e.to_string())],
                }
            }
            Err(list) => {
                next.errors = list.into_iter().map(|(p, m)| (p.to_string(), m)).collect();
            }
        }
        Some(next)
    }
}

/// The Yew reducer: returns the same `Rc` when nothing changed so Yew skips the re-render.
#[cfg(target_arch = "wasm32")]
impl yew::Reducible for Settings {
    type Action = SettingsAction;

    fn reduce(self: Rc<Self>, action: SettingsAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// The Monte Carlo as the page shows it: the last finished result and, while a run is going,
/// its progress.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Run {
    /// The last finished result and the scenario it is for.
    pub result: Option<(Rc<MonteCarlo>, Rc<Scenario>)>,
    /// Share of the samples done by the run going on, if any.
    pub progress: Option<f64>,
    /// Which run the progress is of: a report from an older run (cancelled by a newer scenario)
    /// is ignored.
    pub generation: u64,
}

/// What a Monte Carlo run reports.
#[derive(Debug, Clone, PartialEq)]
pub enum RunAction {
    /// A new run started (the scenario changed); the last result stays until it finishes.
    Start { generation: u64 },
    /// Share of the samples done.
    Progress { generation: u64, done: f64 },
    /// The run finished.
    Finish {
        generation: u64,
        result: Rc<MonteCarlo>,
        of: Rc<Scenario>,
    },
}

impl Run {
    /// The state after `action`, or `None` when it changes nothing (a stale report).
    pub fn apply(&self, action: RunAction) -> Option<Run> {
        match action {
            RunAction::Start { generation } => (generation > self.generation).then(|| Run {
                result: self.result.clone(),
                progress: Some(0.0),
                generation,
            }),
            RunAction::Progress { generation, done } => {
                let done = if done.is_finite() {
                    done.clamp(0.0, 1.0)
                } else {
                    0.0
                };
                (generation == self.generation
                    && self.progress.is_some()
                    && self.progress != Some(done))
                .then(|| Run {
                    progress: Some(done),
                    ..self.clone()
                })
            }
            RunAction::Finish {
                generation,
                result,
                of,
            } => (generation == self.generation && self.progress.is_some()).then_some(Run {
                result: Some((result, of)),
                progress: None,
                generation,
            }),
        }
    }
}

/// The Yew reducer: returns the same `Rc` when nothing changed so Yew skips the re-render.
#[cfg(target_arch = "wasm32")]
impl yew::Reducible for Run {
    type Action = RunAction;

    fn reduce(self: Rc<Self>, action: RunAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests;
