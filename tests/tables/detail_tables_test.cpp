#include "sim/tables/detail_tables.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace kpsim::tables {
namespace {

TEST(DetailTables, LandPoolsKeepTheirIdsNamesAndDecimals) {
  model::Scenario sc;
  sc.land_pools.push_back({"quota", "年度指标", model::Discipline::key_first, {}, {}});
  report::MonteCarloForecast mc;
  mc.land.push_back({120, 80.256, 3.5, std::numeric_limits<double>::quiet_NaN(), 1});
  const Sheet s = land_sheet(sc, mc);
  EXPECT_EQ(s.csv, "land.csv");
  ASSERT_EQ(s.rows.size(), 1u);
  ASSERT_EQ(s.rows[0].size(), s.header.size());
  EXPECT_EQ(s.labels.size(), s.header.size());
  EXPECT_EQ(s.rows[0][1].text, "年度指标");
  EXPECT_EQ(s.rows[0][3].value, 80.256);
  EXPECT_EQ(s.rows[0][3].decimals, 2);
  EXPECT_EQ(s.rows[0][5].kind, Cell::Kind::empty);  // no grant, no mean wait
}

TEST(DetailTables, RisksSayTheirEffectAndHowOftenTheyStruck) {
  model::Scenario sc;
  model::Risk r;
  r.id = "relocation";
  r.name = "征迁纠纷";
  r.probability = 0.25;
  r.effect = model::RiskEffect::delay;
  sc.risks.push_back(r);
  report::MonteCarloForecast mc;
  mc.risks.push_back({1.5});
  const Sheet s = risks_sheet(sc, mc);
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(s.rows[0][2].text, std::string(model::to_string(model::RiskEffect::delay)));
  EXPECT_EQ(s.rows[0][3].value, 0.25);
  EXPECT_EQ(s.rows[0][4].value, 1.5);
}

}  // namespace
}  // namespace kpsim::tables
