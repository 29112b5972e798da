//! The ten elements of a measurable pledge and the rubric that weighs them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a measurable pledge says: who does what, how much, from where to where, by when,
/// where, for which GBF target, with whom, how progress is reported, and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Element {
    /// Who commits.
    Actor,
    /// What they will do, as a concrete verb.
    Action,
    /// How much: a number with a unit, a proportion, or an indicator.
    Quantity,
    /// The starting value or reference the quantity is measured against.
    Baseline,
    /// The date or time limit.
    Deadline,
    /// Where: a country, region, city or site.
    Place,
    /// The GBF target it contributes to.
    GbfTarget,
    /// Who the actor works with.
    Partners,
    /// How progress is measured and reported.
    Reporting,
    /// Planning, development, implementation or evaluation.
    Stage,
}

impl Element {
    /// Every element, in report order.
    pub const ALL: [Element; 10] = [
        Element::Actor,
        Element::Action,
        Element::Quantity,
        Element::Baseline,
        Element::Deadline,
        Element::Place,
        Element::GbfTarget,
        Element::Partners,
        Element::Reporting,
        Element::Stage,
    ];

    /// The name in reports and gold sets: `actor`, `gbf_target`…
    pub fn as_str(self) -> &'static str {
        match self {
            Element::Actor => "actor",
            Element::Action => "action",
            Element::Quantity => "quantity",
            Element::Baseline => "baseline",
            Element::Deadline => "deadline",
            Element::Place => "place",
            Element::GbfTarget => "gbf_target",
            Element::Partners => "partners",
            Element::Reporting => "reporting",
            Element::Stage => "stage",
        }
    }

    /// Points of the measurability score (0–100) the element is worth: the measurable core
    /// (how much, by when, from what, doing what) weighs most.
    pub fn weight(self) -> u32 {
        match self {
            Element::Quantity => 20,
            Element::Action | Element::Deadline => 15,
            Element::Actor | Element::Baseline | Element::Reporting => 10,
            Element::Place | Element::GbfTarget | Element::Partners | Element::Stage => 5,
        }
    }
}

impl fmt::Display for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Element {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Element::ALL.into_iter().find(|e| e.as_str() == s.trim()).ok_or_else(|| {
            let known: Vec<&str> = Element::ALL.iter().map(|e| e.as_str()).collect();
            format!("unknown element `{s}` (expected one of {})", known.join(", "))
        })
    }
}

/// One line of the rubric: an element, what it is worth and what the draft earned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RubricLine {
    /// The element.
    pub element: Element,
    /// Points it is worth.
    pub weight: u32,
    /// Points earned: the weight if the element is present, else 0.
    pub earned: u32,
}

/// The rubric applied to the elements found: each present element earns its weight.
pub fn rubric(present: impl Fn(Element) -> bool) -> Vec<RubricLine> {
    Element::ALL
        .into_iter()
        .map(|element| {
            let weight = element.weight();
            RubricLine { element, weight, earned: if present(element) { weight } else { 0 } }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_add_up_to_100() {
        assert_eq!(Element::ALL.iter().map(|e| e.weight()).sum::<u32>(), 100);
    }

    #[test]
    fn names_round_trip() {
        for element in Element::ALL {
            assert_eq!(element.as_str().parse::<Element>(), Ok(element));
            assert_eq!(serde_json::to_value(element).unwrap(), element.as_str());
        }
        assert!("deadlines".parse::<Element>().unwrap_err().contains("gbf_target"));
    }

    #[test]
    fn the_score_is_the_sum_of_earned_weights() {
        let check = |present: &[Element], expected: u32| {
            let score: u32 = rubric(|e| present.contains(&e)).iter().map(|l| l.earned).sum();
            assert_eq!(score, expected, "{present:?}");
        };
        check(&[], 0);
        check(&[Element::Actor], 10);
        check(&[Element::Action, Element::Quantity, Element::Deadline], 50);
        check(&Element::ALL, 100);
    }
}
