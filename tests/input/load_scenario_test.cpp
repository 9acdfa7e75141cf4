#include "sim/input/load_scenario.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/run_kpsim.hpp"

namespace kpsim::input {
namespace {

using test::ScratchDir;
using test::write_file;

const char* kHeader = R"(kpsim: 1
name: t
start: 2026-01-01
end: 2026-12-31
calendars:
  office: {week: [mon, tue, wed, thu, fri]}
  site: {week: all}
agencies:
  ndrc: {name: 发改委, capacity: 2, calendar: office}
templates:
  gov:
    calendar: site
    steps:
      - {id: approve, agency: ndrc, duration: {lognormal: {median: 10, p90: 20}}, limit: 15}
      - {id: build, type: construction, duration: {pert: [50, 60, 90]}, share: 1}
)";

std::vector<model::Diagnostic> errors_of(const std::string& path) {
  try {
    load_scenario(path);
  } catch (const model::InputError& e) {
    return e.diagnostics();
  }
  return {};
}

TEST(LoadScenario, ReadsTheQuickstartScenario) {
  const model::Scenario s = load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  EXPECT_EQ(s.name, "quickstart");
  EXPECT_EQ(s.projects.size(), 12u);
  EXPECT_EQ(s.templates.size(), 3u);
  EXPECT_EQ(s.projects[0].name, "市第一人民医院新院区");
  EXPECT_EQ(s.projects[0].project_class, model::ProjectClass::key);
  EXPECT_DOUBLE_EQ(s.projects[0].completed_investment(), 9.5);
  // Steps follow the previous one unless they say otherwise.
  const model::Template& gov = *s.find_template("government-invested");
  EXPECT_EQ(gov.find_step("site_selection")->after, std::vector<std::string>{"proposal"});
  EXPECT_TRUE(gov.find_step("proposal")->after.empty());
  EXPECT_EQ(gov.find_step("proposal")->calendar, "approval");      // from the agency
  EXPECT_EQ(gov.find_step("foundation")->calendar, "construction");  // from the template
}

TEST(LoadScenario, ConvertsLognormalFromMedianAndP90) {
  ScratchDir dir;
  write_file(dir / "s.yaml", std::string(kHeader) + "projects:\n  - {id: P1, name: 项目, template: gov, investment: 1}\n");
  const model::Scenario s = load_scenario((dir / "s.yaml").string());
  const core::Distribution& d = s.templates[0].steps[0].duration;
  EXPECT_NEAR(std::exp(d.a), 10.0, 1e-12);
  EXPECT_NEAR(std::exp(d.a + 1.2815515655446004 * d.b), 20.0, 1e-9);
}

TEST(LoadScenario, ReadsProjectsFromASpreadsheetCsvWithChineseHeaders) {
  ScratchDir dir;
  write_file(dir / "s.yaml", std::string(kHeader) + R"(projects_csv:
  file: projects.csv
  columns: {项目编号: id, 项目名称: name, 模板: template, 总投资: investment, 类别: class, 已完成审批: done}
)");
  write_file(dir / "projects.csv",
             "\xEF\xBB\xBF项目编号,项目名称,模板,总投资,类别,已完成审批\r\n"
             "P1,\"城市综合管廊, 二期\",gov,7.8,重点,approve\r\n"
             "P2,文旅小镇,gov,4.2,一般,\r\n");
  const model::Scenario s = load_scenario((dir / "s.yaml").string());
  ASSERT_EQ(s.projects.size(), 2u);
  EXPECT_EQ(s.projects[0].name, "城市综合管廊, 二期");
  EXPECT_EQ(s.projects[0].project_class, model::ProjectClass::key);
  EXPECT_EQ(s.projects[0].state.done, std::vector<std::string>{"approve"});
  EXPECT_EQ(s.projects[1].project_class, model::ProjectClass::normal);
}

TEST(LoadScenario, ReportsEveryErrorOfAPassNotJustTheFirst) {
  ScratchDir dir;
  write_file(dir / "s.yaml", std::string(kHeader) + R"(projects:
  - {id: P1, name: a, template: gvo, investment: 1}
  - {id: P2, name: b, template: gov, investment: -3}
  - {id: P3, name: c, template: gov, investment: 2, clas: key}
)");
  const auto errors = errors_of((dir / "s.yaml").string());
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].code, "E-PRJ-007");
  EXPECT_EQ(errors[1].code, "E-PRJ-003");
  EXPECT_EQ(errors[2].code, "E-YAML-023");
  EXPECT_EQ(errors[2].message, "unknown key 'clas' (did you mean 'class'?)");
}

TEST(LoadScenario, WarnsWhenTheHorizonOutrunsTheHolidayTables) {
  ScratchDir dir;
  std::filesystem::copy(KPSIM_SOURCE_DIR "/scenarios/calendars", dir / "calendars");
  std::string text = std::string(kHeader) + "projects:\n  - {id: P1, name: 项目, template: gov, investment: 1}\n";
  text.replace(text.find("end: 2026-12-31"), 15, "end: 2027-06-30");
  text.replace(text.find("office: {week: [mon, tue, wed, thu, fri]}"), 41,
               "office: {holidays: calendars/cn-holidays.yaml}");
  write_file(dir / "s.yaml", text);
  const model::Scenario s = load_scenario((dir / "s.yaml").string());
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].message.find("known only through 2026-12-31"), std::string::npos);
}

}  // namespace
}  // namespace kpsim::input
