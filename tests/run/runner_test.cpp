#include "sim/run/runner.hpp"

#include <gtest/gtest.h>

#include <mutex>
#include <stdexcept>

#include "sim/engine/compile.hpp"
#include "support/scenario_file.hpp"

namespace kpsim::run {
namespace {

constexpr const char* kScenario = R"(kpsim: 1
name: runner
start: 2026-01-01
end: 2026-12-31
calendars:
  days: {week: all}
agencies:
  eco: {capacity: 1, calendar: days}
templates:
  t:
    calendar: days
    steps:
      - {id: review, agency: eco, duration: {triangular: [5, 10, 20]}}
      - {id: build, type: construction, duration: 30, share: 1}
projects:
  - {id: A, name: A, template: t, investment: 1}
  - {id: B, name: B, template: t, investment: 1}
)";

// Records the finish of the first task per replication, by replication number.
class Recorder : public UnitSink {
 public:
  explicit Recorder(std::size_t n) : finish(n, -1), units_done(0) {}
  void replication(const Unit& u, std::uint32_t k, const engine::Replication& rep) override {
    finish[u.first + k] = rep.trace.finish(0);
  }
  void unit_done(const Unit&) override {
    std::lock_guard lock(mutex);
    ++units_done;
  }
  std::vector<double> finish;
  int units_done;
  std::mutex mutex;
};

std::vector<double> run_with(const engine::Network& net, int threads, std::uint32_t per_unit) {
  std::vector<Unit> units;
  for (std::uint32_t first = 0; first < 40; first += per_unit) units.push_back({0, first, std::min(per_unit, 40 - first)});
  Recorder r(40);
  const engine::Network* const nets[] = {&net};
  Runner({threads, 7, {}}).run(nets, units, r);
  EXPECT_EQ(r.units_done, static_cast<int>(units.size()));
  return r.finish;
}

TEST(Runner, EveryReplicationRunsOnceAndItsDrawsDoNotDependOnThreadsOrUnits) {
  const test::ScenarioFile f(kScenario);
  const std::vector<double> one = run_with(f.net, 1, 1);
  for (double x : one) EXPECT_GT(x, 0);
  EXPECT_EQ(run_with(f.net, 3, 1), one);
  EXPECT_EQ(run_with(f.net, 2, 7), one);
  // Replication r is the engine's replication r of the seed.
  EXPECT_EQ(one[13], engine::simulate(f.net, 7, 13).trace.finish(0));
}

TEST(Runner, TwoNetworksWithTheSameSeedShareTheirDraws) {
  const test::ScenarioFile a(kScenario), b(kScenario);
  EXPECT_EQ(run_with(a.net, 2, 5), run_with(b.net, 2, 5));
}

class Failing : public UnitSink {
 public:
  void replication(const Unit& u, std::uint32_t, const engine::Replication&) override {
    if (u.first == 3) throw std::runtime_error("sink failed");
  }
};

TEST(Runner, AFailureOnAWorkerThreadIsRethrownToTheCaller) {
  const test::ScenarioFile f(kScenario);
  std::vector<Unit> units;
  for (std::uint32_t i = 0; i < 20; ++i) units.push_back({0, i, 1});
  Failing sink;
  const engine::Network* const nets[] = {&f.net};
  EXPECT_THROW(Runner({2, 1, {}}).run(nets, units, sink), std::runtime_error);
}

}  // namespace
}  // namespace kpsim::run
