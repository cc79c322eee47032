use super::*;
use crate::presets;

#[test]
fn scratch_timing() {
    let s = presets::openai_november_2025();
    let mut d = s.draft().clone();
    d.uncertainty = Some(Uncertainty { samples: 10000, ..Uncertainty::default() });
    let s = Scenario::new(d).unwrap();
    for _ in 0..60 {
        let t0 = std::time::Instant::now();
        let mut run = MonteCarloRun::new(&s);
        run.run_chunk(100000);
        let t1 = t0.elapsed();
        let _mc = run.finish();
        println!("sampling {:?} total {:?}", t1, t0.elapsed());
    }
}
