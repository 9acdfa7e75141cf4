// `kpsim calibrate`: check, calibrate, forecast, write; or the recovery study.
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "sim/calibrate/calibrated_forecast.hpp"
#include "sim/calibrate/calibration_tables.hpp"
#include "sim/calibrate/recovery.hpp"
#include "sim/cli/command_support.hpp"
#include "sim/cli/commands.hpp"
#include "sim/input/read_calibration.hpp"
#include "sim/output/result_folder.hpp"
#include "sim/output/console_table.hpp"
#include "sim/output/csv_sheet.hpp"
#include "sim/output/sheet_text.hpp"
#include "sim/output/text_table.hpp"
#include "sim/output/write_run.hpp"
#include "sim/report/monte_carlo.hpp"
#include "sim/sweep/ranks.hpp"

namespace kpsim::cli {
namespace {

namespace fs = std::filesystem;
using output::fixed;
using A = output::TextTable::Align;

std::string percent(double share) { return fixed(100.0 * share, 0) + "%"; }


std::optional<core::Date> until_month(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto d = core::parse_month_end(*text);
  if (!d)
    throw model::InputError({{"E-CLB-045", {"--until", 0, 0, ""}, "expected a month YYYY-MM, got '" + *text + "'"}});
  return d;
}

int dry_run(const calibrate::PreparedCalibration& c, std::ostream& out) {
  const model::CalibrationSpec& s = c.spec;
  out << "calibration " << s.name << ": " << s.parameters.size() << " parameters, " << c.fitted.size() << " observations fitted";
  if (c.until) out << ", " << c.held_out.size() << " held out after " << c.until->iso().substr(0, 7);
  out << "\n" << s.waves << " waves × " << s.points << " points × " << s.replications << " replications = "
      << static_cast<long long>(s.waves) * s.points * s.replications << " replications, then a forecast of "
      << s.forecast_replications << " over " << s.forecast_draws << " posterior draws\n\n";
  output::TextTable t({{"parameter", A::left}, {"path", A::left}, {"as written", A::right}, {"prior", A::left}});
  for (std::size_t p = 0; p < s.parameters.size(); ++p)
    t.add_row({s.parameters[p].name, s.parameters[p].path, c.slots.targets[p].text, c.slots.priors[p].describe()});
  t.print(out);
  return 0;
}

int recovery(calibrate::PreparedCalibration& c, const CalibrateOptions& options, int threads, std::ostream& out,
             std::ostream& err) {
  const bool root = sweep::this_rank() == 0;
  calibrate::RecoveryOptions ro;
  ro.truths = *options.recovery;
  ro.threads = threads;
  ro.control = options.control;
  if (root && !ro.control && isatty(STDERR_FILENO)) ro.progress = &err;
  const auto begin = std::chrono::steady_clock::now();
  const calibrate::RecoveryResult r = calibrate::run_recovery(c, ro);
  if (!root) return 0;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  const std::string dir = options.out_dir.value_or("out/recovery-" + directory_name(c.spec.name));
  write_or_fail(dir, [&] {
    output::ResultFolder files(dir);
    output::write_sheet_csv(files.add(r.parameters.csv), r.parameters);
    if (!r.backtest.rows.empty()) output::write_sheet_csv(files.add(r.backtest.csv), r.backtest);
    files.commit();
  });
  out << "recovery " << c.spec.name << ": " << ro.truths << " truths × " << c.spec.parameters.size() << " parameters, "
      << r.replications << " replications in " << fixed(seconds, 1) << " s\n"
      << "Posterior intervals holding the truth: 50% " << r.in50 << "/" << r.intervals << " ("
      << percent(static_cast<double>(r.in50) / std::max<std::size_t>(1, r.intervals)) << "), 90% " << r.in90 << "/"
      << r.intervals << " (" << percent(static_cast<double>(r.in90) / std::max<std::size_t>(1, r.intervals)) << ")\n";
  if (r.held_out > 0)
    out << "Forecast bands holding the held-out figures: 50% " << r.held_in50 << "/" << r.held_out << ", 90% "
        << r.held_in90 << "/" << r.held_out << "\n";
  out << "Results written to " << dir << "/\n";
  return 0;
}

}  // namespace

int calibrate(const CalibrateOptions& options, std::ostream& out, std::ostream& err) {
  const model::CalibrationSpec spec = input::load_calibration(options.file);
  calibrate::PreparedCalibration c = calibrate::prepare_calibration(spec, until_month(options.until));
  const bool root = sweep::this_rank() == 0;
  if (options.dry_run) return root ? dry_run(c, out) : 0;
  const int threads = threads_per_rank(options.threads);
  if (options.recovery) return recovery(c, options, threads, out, err);

  const std::string dir = options.out_dir.value_or("out/calibration-" + directory_name(spec.name));
  calibrate::CalibrationOptions co;
  co.partial_dir = fs::path(dir) / ".partial";
  co.threads = threads;
  co.resume = options.resume;
  co.control = options.control;
  if (root && !co.control && isatty(STDERR_FILENO)) co.progress = &err;
  const auto begin = std::chrono::steady_clock::now();
  // Rank 0 holds the folder while the calibration works: a second there refuses.
  std::unique_ptr<output::ResultFolder> folder;
  if (root) write_or_fail(dir, [&] { folder = std::make_unique<output::ResultFolder>(dir, "kpsim calibrate", options.overwrite); });
  calibrate::Posterior post;
  write_or_fail(dir, [&] { post = calibrate::run_calibration(c, co); });
  if (!root) return 0;
  const calibrate::CalibratedForecast f = calibrate::calibrated_forecast(c, post, threads, options.control);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();

  output::RunExtras extras;
  extras.summary_key = "calibration";
  extras.sheets = {calibrate::parameters_sheet(c, post), calibrate::fit_sheet(c, f), calibrate::posterior_sheet(c, post)};
  if (c.until) extras.sheets.push_back(calibrate::backtest_sheet(c, f));
  extras.files = {{"calibrated.yaml", calibrate::calibrated_overlay(c, post)}};
  // The waves saved in .partial/ stay in the folder this one replaces.
  write_or_fail(dir, [&] { output::write_run(*folder, c.base.scenario, c.base.net, f.mc, {spec.seed, false}, extras); });

  const model::Scenario& sc = c.base.scenario;
  out << "calibration " << spec.name << ": " << post.particles.size() << " points (" << spec.waves << " waves × "
      << spec.points << ") × " << spec.replications << " replications";
  if (post.waves_resumed) out << " (" << post.waves_resumed << " waves resumed)";
  out << ", effective sample size " << fixed(post.ess, 1);
  if (post.invalid) out << ", " << post.invalid << " points not valid scenarios";
  out << "\n\n";
  output::print_sheet(out, extras.sheets[0], {0, 2, 5, 6, 9, 10, 11});
  out << "\n";
  output::print_sheet(out, extras.sheets[1], {0, 3, 5, 6, 7, 8});
  if (c.until) {
    const calibrate::BacktestScore score = calibrate::score_backtest(c, f);
    out << "\nBacktest: fitted up to " << c.until->iso().substr(0, 7) << "; of " << score.observations
        << " held-out figures " << score.in50 << " inside the 50% band, " << score.in90
        << " inside the 90% band; mean error of the forecast mean " << fixed(score.mean_abs_error, 2) << "\n";
    output::print_sheet(out, extras.sheets.back(), {0, 3, 4, 5, 8, 10});
  }
  const auto year = report::column_stats(f.mc.horizon_investment, 0);
  out << "\nCalibrated forecast of the horizon (" << spec.forecast_replications << " replications over "
      << spec.forecast_draws << " posterior draws): " << fixed(year.mean, 2) << ' ' << sc.money_unit << ", P10–P90 "
      << fixed(year.p10, 2) << "–" << fixed(year.p90, 2);
  if (sc.annual_plan) out << " (" << percent(year.mean / *sc.annual_plan) << " of the plan)";
  out << "\n\n";
  output::print_run_tables(out, sc, c.base.net, f.mc, false);
  out << "\nCalibrated in " << fixed(seconds, 1) << " s on " << sweep::rank_count()
      << (sweep::rank_count() == 1 ? " process" : " ranks") << " × " << threads << (threads == 1 ? " thread" : " threads")
      << "; " << post.replications + static_cast<std::uint64_t>(spec.forecast_replications) << " replications here\n"
      << "Results written to " << dir << "/ (the run's files, parameters.csv, fit.csv, posterior.csv"
      << (c.until ? ", backtest.csv" : "") << ", calibrated.yaml)\n";
  return 0;
}

}  // namespace kpsim::cli
