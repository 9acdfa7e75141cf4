#include "sim/sweep/sweep_rows.hpp"

#include <map>
#include <sstream>

#include "sim/output/csv_writer.hpp"
#include "sim/report/compare.hpp"

namespace kpsim::sweep {
namespace {

class RowWriter {
 public:
  RowWriter(const Expansion& e, std::size_t variant) {
    const Variant& v = e.variants[variant];
    std::vector<std::string> axes(e.paths.size());
    for (const Assignment& a : v.set) axes[a.path] = a.value.text;
    prefix_ = {v.id, output::csv_text(v.label)};
    for (const std::string& x : axes) prefix_.push_back(output::csv_text(x));
  }

  void row(const std::string& metric, const std::string& period, const char* statistic, double value) {
    std::vector<std::string> cells = prefix_;
    cells.insert(cells.end(), {output::csv_text(metric), period, statistic, output::csv_number(value)});
    output::write_csv_row(out_, cells);
  }

  void distribution(const std::string& metric, const std::string& period, const report::Distribution3& d) {
    row(metric, period, "mean", d.mean);
    row(metric, period, "p10", d.p10);
    row(metric, period, "p50", d.p50);
    row(metric, period, "p90", d.p90);
  }

  std::string text() const { return out_.str(); }

 private:
  std::vector<std::string> prefix_;
  std::ostringstream out_;
};

}  // namespace

std::string sweep_csv_header(const Expansion& e) {
  std::vector<std::string> cells{"variant", "label"};
  for (const std::string& p : e.paths) cells.push_back(output::csv_text(p));
  cells.insert(cells.end(), {"metric", "period", "statistic", "value"});
  std::ostringstream out;
  output::write_csv_row(out, cells);
  return out.str();
}

std::string sweep_csv_rows(const Expansion& e, std::size_t variant, const model::Scenario& sc,
                           const report::MonteCarloForecast& mc) {
  RowWriter w(e, variant);
  const report::Periods& periods = mc.periods;
  std::map<int, std::vector<Eigen::Index>> years;
  for (std::size_t q = 0; q < periods.quarters.size(); ++q)
    years[(periods.origin + periods.quarters[q].begin).ymd().year].push_back(static_cast<Eigen::Index>(q));
  for (const auto& [year, quarters] : years) {
    Eigen::VectorXd total = Eigen::VectorXd::Zero(mc.quarter_investment.rows());
    for (Eigen::Index q : quarters) {
      w.distribution("investment", periods.quarters[static_cast<std::size_t>(q)].label, report::column_stats(mc.quarter_investment, q));
      total += mc.quarter_investment.col(q);
    }
    w.distribution("investment", std::to_string(year), report::column_stats(total, 0));
  }
  double started = 0;
  for (std::size_t q = 0; q < periods.quarters.size(); ++q) {
    const auto c = static_cast<Eigen::Index>(q);
    const std::string& label = periods.quarters[q].label;
    if (sc.annual_plan) w.row("share_of_plan", label, "mean", mc.quarter_ytd.col(c).mean() / *sc.annual_plan);
    const double s = mc.quarter_started.col(c).mean();
    started += s;
    w.row("started", label, "mean", s);
    w.row("start_rate", label, "mean", mc.start_candidates > 0 ? started / mc.start_candidates : report::kNever);
  }
  const std::string horizon = periods.horizon_label();  // one label for every whole-horizon figure
  for (std::size_t m = 0; m < report::kApprovalMeasures; ++m)
    w.distribution(report::approval_metric(static_cast<report::ApprovalMeasure>(m)), horizon, mc.approval[m].all);
  for (std::size_t a = 0; a < mc.agencies.size(); ++a) {
    w.row("utilisation:" + sc.agencies[a].id, horizon, "mean", mc.agencies[a].utilisation);
    w.row("wait:" + sc.agencies[a].id, horizon, "mean", mc.agencies[a].mean_wait);
  }
  return w.text();
}

std::string sweep_csv_difference_rows(const Expansion& e, std::size_t variant, const std::vector<report::PairedStat>& diffs) {
  RowWriter w(e, variant);
  for (const report::PairedStat& d : diffs) {
    w.row(d.metric, d.period, "diff_mean", d.diff_mean);
    w.row(d.metric, d.period, "diff_ci90_low", d.ci90_low);
    w.row(d.metric, d.period, "diff_ci90_high", d.ci90_high);
  }
  return w.text();
}

}  // namespace kpsim::sweep
