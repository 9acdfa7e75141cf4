#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "sim/engine/compile.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/report/forecast.hpp"
#include "support/scenario_file.hpp"

namespace kpsim::engine {
namespace {

// Two projects (districts A and B), each: review (office, 10 days) → build
// (100 days, all of the investment). Risks are appended per test.
const char* kBase = R"(kpsim: 1
name: risks
start: 2026-01-01
end: 2026-12-31
calendars:
  all: {week: all}
agencies:
  office: {capacity: 10, calendar: all}
templates:
  t:
    calendar: all
    steps:
      - {id: review, agency: office, duration: 10}
      - {id: build, type: construction, duration: 100, share: 1}
projects:
  - {id: P1, name: 甲, template: t, investment: 100, district: A}
  - {id: P2, name: 乙, template: t, investment: 100, district: B}
)";

struct Fixture : test::ScenarioFile {
  explicit Fixture(const std::string& extra) : ScenarioFile(std::string(kBase) + extra) {}
  Replication run(std::uint32_t replication = 0) const { return simulate(3, replication); }
};

TEST(Risk, ADelayAddsWorkingDaysToTheStep) {
  const Fixture f("risks:\n  - {id: d, on: {step: review}, probability: 1, delay: 7}\n");
  const auto rep = f.run();
  EXPECT_EQ(rep.trace.finish(0), 17.0);
  EXPECT_EQ(rep.risk_hits[0], 2u);
}

TEST(Risk, AFundingPauseHoldsTheStepUntilItsDate) {
  const Fixture f("risks:\n  - {id: f, name: 资金不到位, on: {step: build}, probability: 1, pause_until: 2026-03-01}\n");
  const auto rep = f.run();
  EXPECT_EQ(rep.trace.start(1), 59.0);  // 2026-03-01
  EXPECT_EQ(rep.trace.finish(1), 159.0);
}

TEST(Risk, AStalledSiteCountsAsStartedButSpendsNothingWhileIdle) {
  const Fixture f("risks:\n  - {id: s, name: 开而不动, on: {type: construction}, probability: 1, stall: 20}\n");
  const auto rep = f.run();
  EXPECT_EQ(rep.trace.start(1), 10.0);   // 开工 on day 10
  EXPECT_EQ(rep.trace.finish(1), 130.0); // 20 idle + 100 working
  const auto fc = report::make_forecast(f.net, rep.trace);
  // Review on days 0–9, idle on days 10–29: only January 31 (day 30) spends, 1 a day per site.
  EXPECT_NEAR(fc.months[0].investment, 2.0, 1e-9);
  EXPECT_NEAR(fc.months[1].investment, 2 * 28.0, 1e-9);      // February: both sites build at 1 a day
}

TEST(Risk, ReworkServesTheStepAgain) {
  const Fixture f("risks:\n  - {id: r, on: {step: review}, probability: 1, rework: true}\n");
  const auto rep = f.run();
  EXPECT_EQ(rep.trace.start(0), 0.0);
  EXPECT_EQ(rep.trace.finish(0), 20.0);
  EXPECT_EQ(rep.agency[0].served, 4u);  // two projects, twice each
}

TEST(Risk, AWindowLimitsWhenARiskCanStrike) {
  const Fixture f("risks:\n  - {id: d, on: {step: build, from: 2026-06-01, to: 2026-08-31}, probability: 1, delay: 5}\n");
  const auto rep = f.run();
  EXPECT_EQ(rep.risk_hits[0], 0u);  // the build steps become ready on day 10
}

TEST(Risk, CopulaFactorsHaveTheRequestedCorrelation) {
  const Fixture f(R"(copulas:
  districts: {by: district, members: [A, B], matrix: [[1, 0.6], [0.6, 1]], loading: 1}
risks:
  - {id: d, on: {step: review}, probability: 0.5, delay: 5, copula: districts}
)");
  constexpr int kReps = 4000;
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, hits_a = 0, hits_b = 0, both = 0;
  Simulator sim(f.net);
  for (int r = 0; r < kReps; ++r) {
    const Replication& rep = sim.run(3, static_cast<std::uint32_t>(r));
    const double a = rep.factors[0], b = rep.factors[1];
    sa += a, sb += b, saa += a * a, sbb += b * b, sab += a * b;
    const bool ha = rep.trace.finish(0) > 10, hb = rep.trace.finish(2) > 10;
    hits_a += ha, hits_b += hb, both += ha && hb;
  }
  const double n = kReps;
  const double corr = (sab / n - sa / n * sb / n) /
                      std::sqrt((saa / n - sa / n * sa / n) * (sbb / n - sb / n * sb / n));
  const double se = (1 - 0.36) / std::sqrt(n);
  EXPECT_NEAR(corr, 0.6, 4 * se);
  // Occurrences: P(both) = 1/4 + asin(ρ)/(2π) for two events at probability 1/2.
  const double p_both = 0.25 + std::asin(0.6) / (2 * std::numbers::pi);
  EXPECT_NEAR(both / n, p_both, 4 * std::sqrt(p_both * (1 - p_both) / n));
  EXPECT_NEAR(hits_a / n, 0.5, 4 * std::sqrt(0.25 / n));
}

TEST(Risk, WithoutACopulaOccurrencesAreIndependent) {
  const Fixture f("risks:\n  - {id: d, on: {step: review}, probability: 0.5, delay: 5}\n");
  constexpr int kReps = 4000;
  double both = 0;
  Simulator sim(f.net);
  for (int r = 0; r < kReps; ++r) {
    const Replication& rep = sim.run(3, static_cast<std::uint32_t>(r));
    both += rep.trace.finish(0) > 10 && rep.trace.finish(2) > 10;
  }
  EXPECT_NEAR(both / kReps, 0.25, 4 * std::sqrt(0.25 * 0.75 / kReps));
}

TEST(Risk, ANonPositiveDefiniteMatrixIsALocatedInputError) {
  test::ScratchDir dir;
  test::write_file(dir / "s.yaml", std::string(kBase) + R"(copulas:
  districts:
    by: district
    members: [A, B, C]
    matrix: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]
)");
  try {
    input::load_scenario((dir / "s.yaml").string());
    FAIL() << "expected an InputError";
  } catch (const model::InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    const auto& d = e.diagnostics()[0];
    EXPECT_EQ(d.code, "E-RISK-005");
    EXPECT_EQ(d.where.line, 22);
    EXPECT_EQ(d.where.column, 13);
    EXPECT_EQ(d.where.key_path, "copulas.districts.matrix");
  }
}

}  // namespace
}  // namespace kpsim::engine
