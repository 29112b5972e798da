//! The coach's element detection on the gold set (`evals/gold/pledges.toml`), without indexes
//! or model: the lexicons alone decide what is present. The end-to-end eval with targets is
//! `cbdkg eval coach` (tests/coach.rs in the binary).

use cbdkg_assistant::coach::{Draft, PledgeCoach};
use cbdkg_evals::coach::DraftInput;
use cbdkg_evals::{CoachGold, CoachPrediction, evaluate_coach};

/// Accuracy over all elements and drafts below which this test fails (measured: see EVALS.md).
const FLOOR: f64 = 0.95;

#[test]
fn element_accuracy_on_the_gold_set() {
    let gold = CoachGold::bundled().unwrap();
    let coach = PledgeCoach::new();
    let report = evaluate_coach(&gold, |draft| {
        let input = match &draft.input {
            DraftInput::Text(text) => Draft::Text(text.clone()),
            DraftInput::Pledge(json) => Draft::parse(json)?,
        };
        let report = coach.check(input)?;
        let present = report.elements.iter().filter(|e| e.present).map(|e| e.element.to_string()).collect();
        Ok::<_, cbdkg_assistant::coach::CoachError>(CoachPrediction { present, targets: Vec::new() })
    })
    .unwrap();
    println!("{}", report.to_table());
    report.check_floor(FLOOR).unwrap();
}
