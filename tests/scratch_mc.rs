use compute_coverage::{presets, uncertainty::*, engine, scenario::*};
#[test]
fn scratch() {
    let s = presets::openai_november_2025();
    let mut d = s.draft().clone();
    d.uncertainty = Some(Uncertainty { samples: 10000, ..Uncertainty::default() });
    let s = Scenario::new(d).unwrap();
    for _ in 0..3 {
        let t0 = std::time::Instant::now();
        let mut run = MonteCarloRun::new(&s);
        run.run_chunk(100000);
        let t1 = t0.elapsed();
        let _mc = run.finish();
        let t2 = t0.elapsed();
        let t3 = std::time::Instant::now();
        for _ in 0..10000 { std::hint::black_box(engine::revenue_series(&s, 1.1)); }
        println!("sampling {:?} total {:?} revseries x10k {:?}", t1, t2, t3.elapsed());
    }
}
