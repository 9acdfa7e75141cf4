#include "sim/input/read_calibration.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/core/distribution.hpp"
#include "sim/input/load_scenario.hpp"
#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

const char* const kHead = "kpsim: 1\ncalibration: c\nbase: s.yaml\n"
                          "parameters: [{path: a.b, prior: {uniform: [0, 1]}}]\n";

TEST(ReadCalibration, ANumberIsRoundedToItsLastDigitAndACountIsExact) {
  test::ScratchDir dir;
  test::write_file(dir / "c.yaml", std::string(kHead) +
                                       "observations:\n"
                                       "  - {investment: {to: 2026-05}, value: 40.92}\n"
                                       "  - {count: {what: not_started, at: 2026-06-30, class: key}, value: 47}\n"
                                       "  - {investment: {to: 2026年6月, category: 新开工}, value: 12, se: 0.5}\n");
  const model::CalibrationSpec s = input::load_calibration((dir / "c.yaml").string());
  ASSERT_EQ(s.observations.size(), 3u);
  EXPECT_NEAR(s.observations[0].precision_sd, 0.01 / std::sqrt(12.0), 1e-15);
  EXPECT_EQ(s.observations[0].date.iso(), "2026-05-31");
  EXPECT_EQ(s.observations[1].precision_sd, 0);
  EXPECT_EQ(s.observations[1].group, model::ProjectGroup::key);
  EXPECT_EQ(s.observations[2].precision_sd, 0.5);
  EXPECT_EQ(s.observations[2].date.iso(), "2026-06-30");
  EXPECT_EQ(s.observations[2].category, "新开工");
  EXPECT_EQ(s.base, (dir / "s.yaml").string());
}

TEST(ReadCalibration, ADispatchTableBecomesEachProjectsFiguresAtItsLastMonth) {
  test::ScratchDir dir;
  test::write_file(dir / "d.csv",
                   "\xEF\xBB\xBF项目编号,月份,本月完成投资（亿元）,是否开工,备注\n"
                   "P1,2026-01,0.10,否,\nP1,2026-02,0.25,是,开工\nP1,2026-03,0.40,是,\nP2,2026-02,1.5,已开工,\n");
  test::write_file(dir / "c.yaml", std::string(kHead) +
                                       "observations:\n"
                                       "  - dispatch: {file: d.csv, columns: {项目编号: id, 月份: month,"
                                       " 本月完成投资（亿元）: investment, 是否开工: started}}\n");
  const model::CalibrationSpec s = input::load_calibration((dir / "c.yaml").string());
  ASSERT_EQ(s.observations.size(), 4u);
  EXPECT_EQ(s.observations[0].kind, model::ObservationKind::project_investment);
  EXPECT_EQ(s.observations[0].project, "P1");
  EXPECT_NEAR(s.observations[0].value, 0.75, 1e-12);
  EXPECT_EQ(s.observations[0].date.iso(), "2026-03-31");
  EXPECT_NEAR(s.observations[0].precision_sd, 0.01 * std::sqrt(3 / 12.0), 1e-15);  // three cells, each rounded
  EXPECT_EQ(s.observations[1].kind, model::ObservationKind::project_started);
  EXPECT_EQ(s.observations[1].value, 1);
  EXPECT_EQ(s.observations[2].project, "P2");
  EXPECT_EQ(s.observations[3].value, 1);
}

TEST(DurationScale, MultipliesTheDurationsOfItsStepType) {
  test::ScratchDir dir;
  const std::string base = test::read_file(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  auto with = [&](const std::string& line) {
    std::string text = base;
    text.replace(text.find("holidays: calendars/"), 20, "holidays: " KPSIM_SOURCE_DIR "/scenarios/calendars/");
    text.replace(text.find("annual_plan:"), 0, line);
    test::write_file(dir / "s.yaml", text);
    return input::load_scenario((dir / "s.yaml").string());
  };
  const model::Scenario plain = with(""), scaled = with("duration_scale: {approval: 1.5}\n");
  const model::Step &a = plain.templates[0].steps[0], &b = scaled.templates[0].steps[0];
  ASSERT_EQ(a.type, model::StepType::approval);
  EXPECT_DOUBLE_EQ(core::deterministic_value(b.duration), 1.5 * core::deterministic_value(a.duration));
  const model::Step &c = plain.templates[0].steps[11], &d = scaled.templates[0].steps[11];  // construction: untouched
  EXPECT_DOUBLE_EQ(core::deterministic_value(c.duration), core::deterministic_value(d.duration));
}

}  // namespace
}  // namespace kpsim
