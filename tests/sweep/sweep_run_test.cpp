// Running a sweep: every variant's numbers are what `kpsim run` gives for
// that scenario, whatever the threads and the block size.
#include "sim/sweep/run_sweep.hpp"

#include <gtest/gtest.h>

#include "sim/input/read_sweep.hpp"
#include "sim/report/monte_carlo.hpp"
#include "sim/sweep/sweep_rows.hpp"
#include "support/run_kpsim.hpp"
#include "support/forecast.hpp"

namespace kpsim::sweep {
namespace {

const char* kSweep =
    "kpsim: 1\nsweep: t\nbase: " KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml\n"
    "policies: [" KPSIM_SOURCE_DIR "/scenarios/policies/compress-120.yaml]\n"
    "replications: 70\nblock: BLOCK\naxes:\n  policies[0].compress.to: [200, 90]\n  agencies.land_bank.capacity: [2, 3]\n";

std::string sweep_csv(const test::ScratchDir& dir, const std::string& name, int block, int threads) {
  std::string text = kSweep;
  text.replace(text.find("BLOCK"), 5, std::to_string(block));
  test::write_file(dir / (name + ".yaml"), text);
  const model::SweepSpec spec = input::load_sweep((dir / (name + ".yaml")).string());
  SweepOptions o;
  o.out_dir = dir / name;
  o.threads = threads;
  run_sweep(spec, prepare_sweep(spec), o);
  EXPECT_FALSE(std::filesystem::exists(dir / name / ".partial"));
  return test::read_file(dir / name / "sweep.csv");
}

TEST(SweepRun, OutputDoesNotDependOnThreadsOrBlockSize) {
  test::ScratchDir dir;
  const std::string one = sweep_csv(dir, "a", 16, 1);
  EXPECT_EQ(one, sweep_csv(dir, "b", 16, 2));
  EXPECT_EQ(one, sweep_csv(dir, "c", 7, 3));
  EXPECT_EQ(one, sweep_csv(dir, "d", 70, 2));
}

TEST(SweepRun, EachVariantIsExactlyWhatARunOfItsScenarioGives) {
  test::ScratchDir dir;
  const std::string csv = sweep_csv(dir, "s", 16, 2);
  std::string text = kSweep;
  text.replace(text.find("BLOCK"), 5, "16");
  test::write_file(dir / "s.yaml", text);
  const PreparedSweep p = prepare_sweep(input::load_sweep((dir / "s.yaml").string()));
  for (std::size_t v = 0; v < p.expansion.variants.size(); ++v) {
    run::ReplicationOptions o;
    o.replications = 70;
    o.seed = p.seed;
    const PreparedVariant pv = p.variant(v);
    const report::MonteCarloForecast mc = test::run_forecast(pv.scenario, pv.net, o);
    EXPECT_NE(csv.find(sweep_csv_rows(p.expansion, v, pv.scenario, mc)), std::string::npos) << v;
  }
  // The 200 → 200 variant is the quickstart itself.
  EXPECT_NE(csv.find("v001,\"to=200, capacity=2\",200,2,investment,2026Q1,mean,"), std::string::npos) << csv.substr(0, 400);
}

}  // namespace
}  // namespace kpsim::sweep
