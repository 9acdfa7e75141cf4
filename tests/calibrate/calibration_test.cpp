// Calibration end to end on the quickstart: recovery of known truths, the
// same files at any thread count, resuming, the backtest's split and the
// calibrated overlay.
#include <gtest/gtest.h>

#include <filesystem>

#include "sim/calibrate/calibration.hpp"
#include "sim/calibrate/recovery.hpp"
#include "sim/input/read_calibration.hpp"
#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

namespace fs = std::filesystem;

// The quickstart with the holidays found from anywhere and a construction
// time factor to calibrate, as `scenario.yaml` in `dir`.
std::string quickstart_in(const test::ScratchDir& dir, const std::string& construction_scale = "1.0") {
  std::string text = test::read_file(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  text.replace(text.find("holidays: calendars/"), 20, "holidays: " KPSIM_SOURCE_DIR "/scenarios/calendars/");
  text.replace(text.find("annual_plan:"), 0, "duration_scale: {construction: " + construction_scale + "}\n");
  test::write_file(dir / "scenario.yaml", text);
  return (dir / "scenario.yaml").string();
}

// Two parameters with a clear effect on the quickstart's figures: the land
// bank's reviewers (the land queue) and how long construction takes.
std::string calibration_yaml(const std::string& extra_observations = "", const std::string& method = "") {
  return "kpsim: 1\ncalibration: quick\nbase: scenario.yaml\n"
         "parameters:\n"
         "  - {name: 土地储备中心人数, path: agencies.land_bank.capacity, prior: {uniform: [1, 4]}, integer: true}\n"
         "  - {name: 建设工期倍数, path: duration_scale.construction, prior: {uniform: [0.6, 1.6]}}\n"
         "observations:\n"
         "  - {label: 1–6月完成投资, investment: {to: 2026-06}, value: 20.5}\n"
         "  - {label: 6月底未开工, count: {what: not_started, at: 2026-06-30}, value: 3}\n" +
         extra_observations +
         (method.empty() ? "method: {points: 32, waves: 2, replications: 12, seed: 5}\n" : method) +
         "forecast: {replications: 64, draws: 16}\n";
}

std::string write_calibration(const test::ScratchDir& dir, const std::string& yaml) {
  quickstart_in(dir);
  const fs::path file = dir / "calibration.yaml";
  test::write_file(file, yaml);
  return file.string();
}

TEST(Calibration, RecoveredIntervalsHoldTheTruthInMostCases) {
  test::ScratchDir dir;
  auto c = calibrate::prepare_calibration(input::load_calibration(write_calibration(dir, calibration_yaml())), {});
  calibrate::RecoveryOptions o;
  o.truths = 4;
  o.threads = 2;
  const calibrate::RecoveryResult r = calibrate::run_recovery(c, o);
  ASSERT_EQ(r.intervals, 8u);
  EXPECT_GE(r.in90, 6u) << r.in90 << " of 8 truths inside the posterior 90% interval";
  EXPECT_LT(r.in50, r.intervals + 1);
  EXPECT_EQ(r.parameters.rows.size(), 8u);
}

TEST(Calibration, NarrowsAParameterTheDataSpeakTo) {
  // Figures simulated at a known truth: the posterior of the construction
  // time is narrower than its prior and holds the truth.
  test::ScratchDir dir;
  auto c = calibrate::prepare_calibration(
      input::load_calibration(write_calibration(
          dir, calibration_yaml("  - {label: 1–9月完成投资, investment: {to: 2026-09}, value: 30}\n"
                                "  - {label: 1–12月完成投资, investment: {to: 2026-12}, value: 40}\n",
                                "method: {points: 48, waves: 3, replications: 16, seed: 9}\n"))),
      {});
  const std::vector<double> truth{2.5, 1.3};  // z for the capacity (2.5 rounds to 3) and the factor
  const auto sims = calibrate::run_points(c.slots, {truth}, c.fitted, {77, 1, 0, 2}, {});
  std::vector<double> values;
  for (Eigen::Index j = 0; j < sims[0].cols(); ++j) values.push_back(sims[0](0, j));
  calibrate::set_observed_values(c, values);
  calibrate::CalibrationOptions o;
  o.threads = 2;
  const calibrate::Posterior post = calibrate::run_calibration(c, o);
  const double p05 = calibrate::posterior_quantile(c, post, 1, 0.05), p95 = calibrate::posterior_quantile(c, post, 1, 0.95);
  EXPECT_LE(p05, 1.3);
  EXPECT_GE(p95, 1.3);
  EXPECT_LT(p95 - p05, 0.7 * 0.9) << p05 << " … " << p95;  // the prior's 90% interval is 0.9 wide
}

TEST(Calibration, SameFileAndSeedGiveTheSameFilesAtAnyThreadCount) {
  test::ScratchDir dir;
  const std::string file = write_calibration(dir, calibration_yaml());
  const auto one = test::run_kpsim("calibrate '" + file + "' -j 1 --out one", dir.path());
  const auto three = test::run_kpsim("calibrate '" + file + "' -j 3 --out three", dir.path());
  ASSERT_EQ(one.status, 0) << one.err;
  ASSERT_EQ(three.status, 0) << three.err;
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir / "one")) {
    files += e.path().filename().string()[0] != '.';
    EXPECT_EQ(test::read_file(e.path()), test::read_file(dir / "three" / e.path().filename().string())) << e.path();
  }
  for (const char* name : {"posterior.csv", "parameters.csv", "fit.csv", "calibrated.yaml", "forecast_quarterly.csv"})
    EXPECT_TRUE(fs::exists(dir / "one" / name)) << name;
  EXPECT_FALSE(fs::exists(dir / "one" / ".partial"));
  EXPECT_EQ(files, std::size(test::kRunResultFiles) + 4);
}

TEST(Calibration, AResumedCalibrationIsTheUninterruptedOne) {
  test::ScratchDir dir;
  const auto spec = input::load_calibration(
      write_calibration(dir, calibration_yaml("", "method: {points: 24, waves: 3, replications: 8, seed: 5}\n")));
  const auto c = calibrate::prepare_calibration(spec, {});
  calibrate::CalibrationOptions o;
  o.threads = 2;
  const calibrate::Posterior whole = calibrate::run_calibration(c, o);

  o.partial_dir = dir / ".partial";
  o.stop_after_waves = 2;  // killed after the second wave was saved
  calibrate::run_calibration(c, o);
  ASSERT_TRUE(fs::exists(dir / ".partial" / "wave-1.txt"));
  // A wave file edited by hand is not trusted: it is run again.
  std::string edited = test::read_file(dir / ".partial" / "wave-1.txt");
  edited[edited.find(" 0x") + 3] = edited[edited.find(" 0x") + 3] == '1' ? '0' : '1';
  test::write_file(dir / ".partial" / "wave-1.txt", edited);
  o.stop_after_waves.reset();
  o.resume = true;
  const calibrate::Posterior resumed = calibrate::run_calibration(c, o);
  EXPECT_EQ(resumed.waves_resumed, 1u);
  EXPECT_EQ(resumed.weights, whole.weights);
  ASSERT_EQ(resumed.particles.size(), whole.particles.size());
  for (std::size_t i = 0; i < whole.particles.size(); ++i) {
    EXPECT_EQ(resumed.particles[i].z, whole.particles[i].z);
    EXPECT_EQ(resumed.particles[i].log_likelihood, whole.particles[i].log_likelihood);
  }
}

TEST(Calibration, ResumingAnotherCalibrationsFolderIsRefused) {
  test::ScratchDir dir;
  const auto c = calibrate::prepare_calibration(input::load_calibration(write_calibration(dir, calibration_yaml())), {});
  calibrate::CalibrationOptions o;
  o.partial_dir = dir / ".partial";
  o.stop_after_waves = 1;
  calibrate::run_calibration(c, o);
  const auto other = calibrate::prepare_calibration(
      input::load_calibration(write_calibration(dir, calibration_yaml("", "method: {points: 32, waves: 2, replications: 12, seed: 6}\n"))), {});
  o.resume = true;
  EXPECT_THROW(calibrate::run_calibration(other, o), model::InputError);
}

TEST(Calibration, TheBacktestFitsTheEarlierFiguresAndScoresTheLaterOnes) {
  test::ScratchDir dir;
  const std::string file =
      write_calibration(dir, calibration_yaml("  - {label: 1–9月完成投资, investment: {to: 2026-09}, value: 33.1}\n"));
  const auto r = test::run_kpsim("calibrate '" + file + "' --until 2026-06 --out bt", dir.path());
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string fit = test::read_file(dir / "bt" / "fit.csv"), backtest = test::read_file(dir / "bt" / "backtest.csv");
  EXPECT_NE(fit.find("1–6月完成投资"), std::string::npos);
  EXPECT_EQ(fit.find("1–9月完成投资"), std::string::npos);
  EXPECT_NE(backtest.find("1–9月完成投资"), std::string::npos);
  EXPECT_NE(r.out.find("Backtest: fitted up to 2026-06; of 1 held-out figures"), std::string::npos) << r.out;
  // Nothing left to fit before the month is an error before anything runs.
  const auto none = test::run_kpsim("calibrate '" + file + "' --until 2026-01 --out none", dir.path());
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.err.find("[E-CLB-044]"), std::string::npos) << none.err;
  EXPECT_FALSE(fs::exists(dir / "none"));
}

TEST(Calibration, TheCalibratedOverlayPutsThePosteriorMediansInTheScenario) {
  test::ScratchDir dir;
  const std::string file = write_calibration(dir, calibration_yaml());
  ASSERT_EQ(test::run_kpsim("calibrate '" + file + "' --out c", dir.path()).status, 0);
  const std::string overlay = test::read_file(dir / "c" / "calibrated.yaml");
  const auto value_of = [&](const std::string& path) {
    const auto at = overlay.find("\"" + path + "\": ") + path.size() + 4;
    return overlay.substr(at, overlay.find(' ', at) - at);
  };
  // The same values written into the scenario by hand give the same forecast.
  test::ScratchDir hand;
  std::string scenario = test::read_file(quickstart_in(hand, value_of("duration_scale.construction")));
  const std::string land_bank = "land_bank:  {name: 土地储备中心, capacity: 2,";
  ASSERT_NE(scenario.find(land_bank), std::string::npos);
  scenario.replace(scenario.find(land_bank), land_bank.size(),
                   "land_bank:  {name: 土地储备中心, capacity: " + value_of("agencies.land_bank.capacity") + ",");
  test::write_file(hand / "scenario.yaml", scenario);
  const auto by_hand = test::run_kpsim("run scenario.yaml -n 20 --out out", hand.path());
  const auto with_overlay = test::run_kpsim("run scenario.yaml --policy c/calibrated.yaml -n 20 --out overlay", dir.path());
  ASSERT_EQ(by_hand.status, 0) << by_hand.err;
  ASSERT_EQ(with_overlay.status, 0) << with_overlay.err;
  EXPECT_EQ(test::read_file(hand / "out" / "forecast_quarterly.csv"), test::read_file(dir / "overlay" / "forecast_quarterly.csv"));
  // An overlay cannot set what the scenario does not have.
  test::write_file(dir / "bad.yaml", "kpsim: 1\nset:\n  agencies.nobody.capacity: 3\n");
  const auto bad = test::run_kpsim("run scenario.yaml --policy bad.yaml -n 2 --out bad", dir.path());
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("bad.yaml:3:3: set.agencies.nobody.capacity: agencies.nobody.capacity: no such value"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace kpsim
