// The city portfolio: the project list holds the published figures, and the
// scenario runs its 1,000 replications on the statistics bureau's basis.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/input/load_scenario.hpp"
#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

const std::string kCity = KPSIM_SOURCE_DIR "/scenarios/city/scenario.yaml";

TEST(CityPortfolio, ProjectListHoldsThePublishedFigures) {
  const model::Scenario s = input::load_scenario(kCity);
  ASSERT_EQ(s.projects.size(), 222u);
  double investment = 0, plan = 0;
  int key = 0, key_over_1 = 0, key_over_10 = 0;
  for (const model::Project& p : s.projects) {
    investment += p.investment;
    plan += p.plan.value_or(0);
    if (p.project_class != model::ProjectClass::key) continue;
    ++key;
    key_over_1 += p.investment >= 1;
    key_over_10 += p.investment >= 10;
  }
  EXPECT_NEAR(investment, 742.0, 1e-6);
  EXPECT_NEAR(plan, 183.0, 1e-6);
  EXPECT_EQ(s.annual_plan, 183.0);
  EXPECT_EQ(key, 99);
  EXPECT_EQ(key_over_1, 88);
  EXPECT_EQ(key_over_10, 13);
  ASSERT_TRUE(s.statistics.has_value());
  EXPECT_DOUBLE_EQ(s.statistics->min_investment, 0.05);  // 5 million yuan in 亿元
}

TEST(CityPortfolio, RunsAThousandReplicationsOnTheStatisticsBureausBasis) {
  test::ScratchDir dir;
  const auto r = test::run_kpsim("run '" + kCity + "' --out '" + (dir / "city").string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("1000 replications"), std::string::npos);
  EXPECT_NE(r.out.find("Counted as the statistics bureau counts"), std::string::npos);
  const std::string monthly = test::read_file(dir / "city/forecast_monthly.csv");
  EXPECT_NE(monthly.find("\n2026-01~02,2026-01-01,2026-02-28,"), std::string::npos);  // one release for both
  EXPECT_EQ(monthly.find("\n2026-01,"), std::string::npos);
  EXPECT_NE(test::read_file(dir / "city/summary.json").find("\"basis\": \"statistics_bureau\""), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "city/report.xlsx"));
}

}  // namespace
}  // namespace kpsim
