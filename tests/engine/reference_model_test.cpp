// The reference approval-pipeline model (RM-AP v1, ../shared/reference-model/)
// as a kpsim scenario: fed the reference's own draws, kpsim reproduces its
// completion times bit for bit (the digests of its specification).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "sim/core/rng.hpp"
#include "sim/engine/compile.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/synth/generate.hpp"
#include "sim/input/load_scenario.hpp"
#include "support/run_kpsim.hpp"

namespace kpsim::engine {
namespace {

// §2 of the specification: out(i) = splitmix64 output i, u in (0, 1), E = -m·log(u).
double draw(std::uint64_t seed, std::uint64_t i, double mean) {
  const std::uint64_t out = core::mix64(seed + (i + 1) * 0x9E3779B97F4A7C15ull);
  const double u = (static_cast<double>(out >> 12) + 0.5) * 0x1p-52;
  const double l = std::log(u);
  return -mean * l;
}

struct Result {
  double makespan = 0, mean_completion = 0, mean_flow = 0;
  std::uint64_t digest = 0xcbf29ce484222325ull;
};

// On the engine compiled for plain networks, which this one is, unless
// `general_engine`.
Result run_reference_model(std::uint32_t projects, bool stream, bool general_engine = false) {
  test::ScratchDir dir;
  const synth::GeneratedFiles files = synth::generate_reference_model(projects, "rm-projects.csv");
  test::write_file(dir / "rm-projects.csv", files.projects_csv);
  test::write_file(dir / "rm.yaml", files.scenario_yaml);
  Network net = compile(input::load_scenario((dir / "rm.yaml").string()));
  constexpr std::uint64_t kSeed = 12345;
  // Each project's tasks are its 8 steps in order, then construction.
  std::vector<double> work(net.task_count());
  std::vector<double> arrival(projects, 0.0);
  double a = 0;
  for (std::uint32_t p = 0; p < projects; ++p) {
    for (std::uint32_t k = 0; k < 8; ++k) work[net.project_begin[p] + k] = draw(kSeed, 9ull * p + k, 10.0);
    work[net.project_begin[p] + 8] = 200.0;
    if (stream) arrival[p] = a = a + draw(kSeed, 9ull * p + 8, 5.5);
  }
  if (stream) net.project_ready = arrival;  // increasing in p: the order of initial_tasks holds
  SimSettings settings;
  settings.replay_work = &work;
  settings.general_engine = general_engine;
  Simulator sim(net);
  EXPECT_TRUE(sim.plain());
  const Replication& rep = sim.run(kSeed, 0, settings);
  Result r;
  double sum_c = 0, sum_f = 0;
  for (std::uint32_t p = 0; p < projects; ++p) {
    const double c = rep.trace.finish(net.project_begin[p] + 8);
    r.makespan = std::max(r.makespan, c);
    sum_c += c;
    sum_f += c - arrival[p];
    std::uint64_t bits;
    std::memcpy(&bits, &c, 8);
    r.digest = (r.digest ^ bits) * 0x100000001b3ull;
  }
  r.mean_completion = sum_c / projects;
  r.mean_flow = sum_f / projects;
  return r;
}

TEST(ReferenceModel, TheTestVectorsOfTheDrawsHold) {
  EXPECT_EQ(draw(12345, 0, 10.0), 20.168073176048182);
  EXPECT_EQ(draw(12345, 8, 5.5), 4.0392838663592254);
  EXPECT_EQ(draw(12345, 17, 10.0), 6.7499272847341807);
}

TEST(ReferenceModel, BatchVariantReproducesTheSpecificationBitForBit) {
  const Result r1 = run_reference_model(1000, false);
  EXPECT_EQ(r1.digest, 0x9131e9308026fe5eull);
  EXPECT_EQ(r1.makespan, 5494.5383077131173);
  EXPECT_EQ(r1.mean_completion, 4139.7154751297121);
  EXPECT_EQ(run_reference_model(10000, false).digest, 0x0356de470728f817ull);
  EXPECT_EQ(run_reference_model(1000, false, true).digest, 0x9131e9308026fe5eull);
}

TEST(ReferenceModel, StreamVariantReproducesTheSpecificationBitForBit) {
  const Result r = run_reference_model(1000, true);
  EXPECT_EQ(r.digest, 0x3f6ec80955389a4aull);
  EXPECT_EQ(r.mean_flow, 424.69658825387637);
  EXPECT_EQ(run_reference_model(10000, true).digest, 0x8640ccc56ae258efull);
  EXPECT_EQ(run_reference_model(1000, true, true).digest, 0x3f6ec80955389a4aull);
}

}  // namespace
}  // namespace kpsim::engine
