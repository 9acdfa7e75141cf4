// A project list as Excel on a Chinese desktop writes it: dates with
// slashes or 年月日, shares as percentages, thousands separators, the unit
// after the amount, and a column the planner keeps for themselves.
#include <gtest/gtest.h>

#include "sim/input/load_scenario.hpp"
#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

constexpr const char* kScenario = R"(kpsim: 1
name: excel
start: 2026-01-01
end: 2026-12-31
calendars:
  office: {week: [mon, tue, wed, thu, fri]}
  site: {week: all}
agencies:
  ndrc: {name: 发改委, capacity: 2, calendar: office}
templates:
  government-invested:
    calendar: site
    steps:
      - {id: approve, agency: ndrc, duration: 10}
      - {id: build, type: construction, duration: 100, share: 1}
projects_csv:
  file: projects.csv
  columns: {编号: id, 项目名称: name, 模板: template, 总投资（亿元）: investment, 形象进度: progress,
            计划开工: start_target, 用地（亩）: land_mu, 备注: ~}
)";

// The scenario above, with these rows under the spreadsheet's header.
void write_portfolio(const test::ScratchDir& dir, const std::string& rows) {
  test::write_file(dir / "s.yaml", kScenario);
  test::write_file(dir / "projects.csv", std::string("编号,项目名称,模板,总投资（亿元）,形象进度,计划开工,用地（亩）,备注\n") + rows);
}

TEST(SpreadsheetCells, AreReadAsThePlannerWroteThem) {
  test::ScratchDir dir;
  write_portfolio(dir, "P1,市第一人民医院,government-invested,\"1,250.5\",55%,2026/9/30,120亩,二期工程\n"
                       "P2,滨河大道,government-invested,5.0亿元,0.3,2026年10月8日,\"1,000\",\n"
                       "P3,污水处理厂,government-invested,7,0,2026-9-1,0,=cmd\n");
  const model::Scenario sc = input::load_scenario((dir / "s.yaml").string());
  ASSERT_EQ(sc.projects.size(), 3u);
  EXPECT_DOUBLE_EQ(sc.projects[0].investment, 1250.5);
  EXPECT_DOUBLE_EQ(sc.projects[0].state.progress, 0.55);
  EXPECT_EQ(sc.projects[0].start_target->iso(), "2026-09-30");
  EXPECT_DOUBLE_EQ(sc.projects[0].land_mu, 120);
  EXPECT_DOUBLE_EQ(sc.projects[1].investment, 5.0);
  EXPECT_EQ(sc.projects[1].start_target->iso(), "2026-10-08");
  EXPECT_DOUBLE_EQ(sc.projects[1].land_mu, 1000);
  EXPECT_EQ(sc.projects[2].start_target->iso(), "2026-09-01");
}

TEST(SpreadsheetCells, WhatTheyCannotMeanIsStillAnError) {
  test::ScratchDir dir;
  write_portfolio(dir, "P1,市第一人民医院,government-invested,\"12,50\",55,2026/2/30,5,\n"
                       "P2,滨河大道,government-invested,30%,0.3,2026-13-01,1,\n");
  const auto r = test::run_kpsim("validate s.yaml", dir.path());
  EXPECT_EQ(r.status, 2);
  // A comma that does not group thousands, a percentage where an amount goes.
  EXPECT_NE(r.err.find("projects_csv[0].investment: expected a finite number, got '12,50'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("got '30%' (a percentage is not this field's form)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("projects_csv[0].progress: progress is a share of construction between 0 and 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no such date: '2026/2/30' (2026-02 has 28 days)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no such date: '2026-13-01' (there is no month 13)"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kpsim
