#include "sim/report/sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "sim/report/sensitivity_ranking.hpp"
#include "sim/tables/sensitivity_table.hpp"
#include "support/forecast.hpp"
#include "support/scenario_file.hpp"

namespace kpsim::report {
namespace {

TEST(RankCorrelation, IsOneForAnyIncreasingRelationAndMinusOneForADecreasingOne) {
  const std::vector<double> x{1, 2, 3, 4, 5, 6, 7, 8};
  const std::vector<double> cube{1, 8, 27, 64, 125, 216, 343, 512};
  EXPECT_DOUBLE_EQ(rank_correlation(x, cube).rho, 1.0);
  const std::vector<double> down{9, 8, 7, 6, 5, 4, 3, 2};
  EXPECT_DOUBLE_EQ(rank_correlation(x, down).rho, -1.0);
}

TEST(RankCorrelation, TiesTakeTheirAverageRankAndNeverRanksLast) {
  const double never = std::numeric_limits<double>::infinity();
  // y is x's order with the last value "never": still perfectly increasing.
  EXPECT_DOUBLE_EQ(rank_correlation({1, 2, 3, 4, 5}, {10, 20, 30, 40, never}).rho, 1.0);
  // Ties on both sides: Pearson's r of the average ranks (1.5 1.5 3 4 5
  // against 1 2.5 2.5 4 5), 8.75 / 9.5 by hand.
  const RankCorrelation c = rank_correlation({1, 1, 2, 3, 4}, {1, 2, 2, 3, 4});
  EXPECT_NEAR(c.rho, 8.75 / 9.5, 1e-12);
}

TEST(RankCorrelation, ASideThatDoesNotVaryGivesZeroWithAnIntervalAroundIt) {
  const RankCorrelation c = rank_correlation({0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {3, 1, 4, 1, 5, 9, 2, 6, 5, 3});
  EXPECT_FALSE(c.varies);
  EXPECT_EQ(c.rho, 0.0);
  EXPECT_LT(c.ci90_low, 0.0);
  EXPECT_GT(c.ci90_high, 0.0);
}

TEST(RankCorrelation, PairsWithANumberMissingAreLeftOutAndTheIntervalNarrowsWithMoreReplications) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const RankCorrelation c = rank_correlation({1, nan, 3, 4, 5, 6}, {2, 5, 6, 8, 10, 12});
  EXPECT_EQ(c.n, 5u);
  EXPECT_DOUBLE_EQ(c.rho, 1.0);
  std::vector<double> a, b;
  for (int i = 0; i < 400; ++i) a.push_back(i % 7), b.push_back((i % 7) + (i % 3));
  const RankCorrelation wide = rank_correlation(std::vector<double>(a.begin(), a.begin() + 40),
                                                std::vector<double>(b.begin(), b.begin() + 40));
  const RankCorrelation narrow = rank_correlation(a, b);
  EXPECT_LT(narrow.ci90_high - narrow.ci90_low, wide.ci90_high - wide.ci90_low);
  EXPECT_LE(narrow.ci90_low, narrow.rho);
  EXPECT_GE(narrow.ci90_high, narrow.rho);
}

TEST(RankCorrelation, RankingOnceEqualsRankingEachPair) {
  const std::vector<double> x{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}, y{2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4};
  const RankCorrelation a = rank_correlation(x, y), b = correlation_of_ranks(average_ranks(x), average_ranks(y));
  EXPECT_EQ(a.rho, b.rho);
  EXPECT_EQ(a.ci90_low, b.ci90_low);
  EXPECT_EQ(a.n, b.n);
}

// One project on an every-day calendar: a short review, then a
// construction step whose time varies most, then a short fit-out; two
// risks on the review (one that never strikes) and one on the fit-out.
std::string scenario(const std::string& live_delay, const std::string& extra = "") {
  return R"(kpsim: 1
name: sensitivity
start: 2026-01-01
end: 2027-12-31
replications: 400
report: {sensitivity: [P1]}
calendars:
  all: {week: all}
agencies:
  office: {capacity: 5, calendar: all}
templates:
  t:
    calendar: all
    steps:
      - {id: review, agency: office, duration: {uniform: [8, 12]}}
      - {id: build, type: construction, duration: {uniform: [100, 400]}, share: 0.8}
      - {id: fit, type: construction, duration: {uniform: [20, 30]}, share: 0.2}
projects:
  - {id: P1, name: 甲, template: t, investment: 100}
  - {id: P2, name: 乙, template: t, investment: 100}
risks:
  - {id: dead, on: {step: review}, probability: 0, delay: 50}
  - {id: live, on: {step: review}, probability: 0.3, delay: )" + live_delay + R"(}
  - {id: other, on: {step: fit}, probability: 0.3, delay: 60}
)" + extra;
}

struct Ranked {
  std::vector<std::string> ids;  // strongest first
  std::vector<RankedInput> rows;
};

Ranked ranked(const test::ScenarioFile& f, const std::string& metric, const std::string& period) {
  run::ReplicationOptions o;
  o.replications = 400;
  o.threads = 2;
  const MonteCarloForecast mc = test::run_forecast(f.scenario, f.net, o);
  for (const SensitivityOutput& out : sensitivity_outputs(f.scenario, mc))
    if (out.metric == metric && out.period == period) {
      Ranked r;
      r.rows = InputRanking(mc).rank(out.values);
      for (const RankedInput& in : r.rows) r.ids.push_back(tables::input_id(f.scenario, f.net, mc.sensitivity[in.input]));
      return r;
    }
  ADD_FAILURE() << "no output " << metric << " " << period;
  return {};
}

std::size_t rank_of(const Ranked& r, const std::string& id) {
  return static_cast<std::size_t>(std::find(r.ids.begin(), r.ids.end(), id) - r.ids.begin());
}

TEST(Sensitivity, TheLongVariableStepDrivesTheProjectsCompletion) {
  const test::ScenarioFile f(scenario("20"));
  const Ranked r = ranked(f, "completion", "P1");
  ASSERT_FALSE(r.ids.empty());
  // Its own step first (P1's build, or the template's build averaged over
  // both projects, whichever correlates more), then the other.
  EXPECT_TRUE(r.ids[0] == "P1/build" || r.ids[0] == "t/build") << r.ids[0];
  EXPECT_GT(r.rows[0].correlation.rho, 0.8);
  EXPECT_GT(r.rows[0].correlation.ci90_low, 0.7);
}

TEST(Sensitivity, ARiskThatNeverStrikesRanksLastWithAnIntervalHoldingZero) {
  const test::ScenarioFile f(scenario("20"));
  const Ranked r = ranked(f, "investment", "2026–2027");
  ASSERT_FALSE(r.ids.empty());
  const std::size_t dead = rank_of(r, "dead");
  ASSERT_LT(dead, r.ids.size());
  for (std::size_t k = dead + 1; k < r.rows.size(); ++k) EXPECT_FALSE(r.rows[k].correlation.varies) << r.ids[k];
  EXPECT_FALSE(r.rows[dead].correlation.varies);
  EXPECT_LT(r.rows[dead].correlation.ci90_low, 0);
  EXPECT_GT(r.rows[dead].correlation.ci90_high, 0);
}

TEST(Sensitivity, DoublingARisksDelayRaisesItsRank) {
  // P1's completion: the long build first; then the fit-out's risk (60
  // days) before the review's (40); doubled to 80, the review's comes first.
  const test::ScenarioFile before(scenario("40")), after(scenario("80"));
  const Ranked a = ranked(before, "completion", "P1"), b = ranked(after, "completion", "P1");
  EXPECT_LT(rank_of(a, "other"), rank_of(a, "live"));
  EXPECT_LT(rank_of(b, "live"), rank_of(b, "other"));
  EXPECT_LT(rank_of(b, "live"), rank_of(a, "live"));
  EXPECT_GT(b.rows[rank_of(b, "live")].correlation.rho, a.rows[rank_of(a, "live")].correlation.rho);
}

TEST(Sensitivity, AnUnknownProjectToFollowIsALocatedError) {
  try {
    const test::ScenarioFile f(scenario("20").replace(scenario("20").find("[P1]"), 4, "[P9]"));
    FAIL() << "no error";
  } catch (const model::InputError& e) {
    EXPECT_EQ(e.diagnostics()[0].code, "E-REF-001");
    EXPECT_EQ(e.diagnostics()[0].where.key_path, "report.sensitivity[0]");
    EXPECT_EQ(e.diagnostics()[0].where.line, 6);
  }
}

}  // namespace
}  // namespace kpsim::report
