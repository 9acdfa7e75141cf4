#include "sim/report/reducer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <tuple>

#include "sim/core/quantile.hpp"
#include "sim/report/day_quantiles.hpp"

namespace kpsim::report {

using core::quantile;

Distribution3 describe(std::vector<double> v) {
  Distribution3 d;
  d.n = v.size();
  if (v.empty()) return {kNever, kNever, kNever, kNever, 0};
  double sum = 0;
  for (double x : v) sum += x;
  d.mean = sum / static_cast<double>(v.size());
  d.p10 = quantile(v, 0.1);
  d.p50 = quantile(v, 0.5);
  d.p90 = quantile(v, 0.9);
  return d;
}

Distribution3 column_stats(const Eigen::MatrixXd& m, Eigen::Index column) {
  std::vector<double> v(static_cast<std::size_t>(m.rows()));
  for (Eigen::Index r = 0; r < m.rows(); ++r) v[static_cast<std::size_t>(r)] = m(r, column);
  return describe(std::move(v));
}

class ForecastReducer::Impl {
 public:
  Impl(const model::Scenario& sc, const engine::Network& net)
      : sc_(sc), net_(net), basis_(make_reporting_basis(sc, net)), periods_(make_periods(net.origin, net.horizon_days)) {
    projects_.resize(net.project_count());
    held_start_.assign(net.task_count(), 0);
    held_completion_.assign(net.task_count(), 0);
    days_ = static_cast<std::uint32_t>(std::max(net.horizon_days, 0));
    track_.assign(net.fixed_projects, kUntracked);
    for (std::uint32_t p = 0; p < net.fixed_projects; ++p)
      if (net.project_key[p] || sc.projects[p].start_target || sc.projects[p].completion_target)
        track_[p] = tracked_++;
    start_days_.emplace(tracked_, days_);
    completion_days_.emplace(tracked_, days_);
    start_row_.assign(tracked_, DayQuantiles::kNone);
    completion_row_.assign(tracked_, DayQuantiles::kNone);
    agency_month_busy_.assign(net.agency_capacity.size() * net.month_count(), 0.0);
    for (std::uint32_t p = 0; p < net.fixed_projects; ++p) {
      key_projects_ += net.project_key[p];
      key_start_candidates_ += net.project_key[p] && !net.project_under_construction[p];
    }
    agencies_.resize(net.agency_capacity.size());
    land_.resize(net.pool_discipline.size());
    arrivals_.resize(net.arrivals.size());
    risk_hits_.assign(net.risks.size(), 0);
    critical_.assign(net.task_count(), 0);
  }

  const ReportingBasis& basis() const { return basis_; }

  void add(const ReplicationSummary& s) {
    ++n_;
    events_ += s.events;
    const Forecast& f = s.forecast;
    std::vector<double> inv, started, completed;
    for (const PeriodResult& m : f.months) {
      inv.push_back(basis_.official ? m.counted : m.investment);
      started.push_back(m.started);
      completed.push_back(m.completed);
    }
    month_investment_.push_back(std::move(inv));
    part_months_.push_back(f.part_months);
    month_started_.push_back(std::move(started));
    month_completed_.push_back(std::move(completed));
    horizon_.push_back(basis_.official ? f.counted_in_horizon : f.investment_in_horizon);
    gross_horizon_.push_back(f.investment_in_horizon);
    for (std::uint32_t p = 0; p < net_.fixed_projects; ++p) add_project(p, f.projects[p]);
    start_days_->add(start_row_);
    completion_days_->add(completion_row_);
    add_not_started(f);
    category_months_.push_back(f.category_months);
    if (category_parts_.size() < f.category_parts.size()) category_parts_.resize(f.category_parts.size(), 0.0);
    for (std::size_t i = 0; i < f.category_parts.size(); ++i) category_parts_[i] += f.category_parts[i];
    for (std::size_t i = 0; i < agency_month_busy_.size(); ++i) agency_month_busy_[i] += s.agency_month_busy[i];
    for (std::size_t i = 0; i < net_.arrivals.size(); ++i) {
      const engine::ArrivalSlots& a = net_.arrivals[i];
      ArrivalAcc& acc = arrivals_[i];
      acc.arrived += s.arrived[i];
      candidates_ += s.arrived[i];
      for (std::uint32_t k = 0; k < a.count; ++k) {
        const ProjectResult& r = f.projects[a.first_project + k];
        acc.investment += r.investment_in_horizon;
        acc.started += !std::isnan(r.start) && r.start_day < net_.horizon_days;
      }
    }
    for (std::size_t a = 0; a < agencies_.size(); ++a) add_agency(a, s.agencies[a]);
    for (std::size_t i = 0; i < land_.size(); ++i) {
      land_[i].granted_mu += s.land[i].granted_mu;
      land_[i].grants += s.land[i].grants;
      land_[i].wait_sum += s.land[i].wait_sum;
      land_[i].waiting_at_end += s.land[i].waiting_at_end;
    }
    for (std::size_t r = 0; r < risk_hits_.size(); ++r) risk_hits_[r] += s.risk_hits[r];
    const std::vector<double>* measured[kApprovalMeasures] = {&s.approval.from_entry, &s.approval.from_entry_clock,
                                                              &s.approval.from_start, &s.approval.from_start_clock};
    for (std::size_t m = 0; m < kApprovalMeasures; ++m) {
      ApprovalAcc& acc = approval_[m];
      double sum = 0, count = 0, key_sum = 0, key_count = 0;
      for (std::uint32_t p = 0; p < net_.project_count(); ++p)
        if (const double d = (*measured[m])[p]; !std::isnan(d)) {
          (net_.project_key[p] ? acc.key : acc.normal).push_back(d);
          sum += d, count += 1;
          if (net_.project_key[p]) key_sum += d, key_count += 1;
        }
      acc.sum_by_rep.push_back(sum);
      acc.count_by_rep.push_back(count);
      acc.key_sum_by_rep.push_back(key_sum);
      acc.key_count_by_rep.push_back(key_count);
    }
    for (const engine::AgencyStats& a : s.agencies) {
      wait_sum_by_rep_.push_back(a.wait_sum);
      served_by_rep_.push_back(a.served);
    }
    for (std::uint32_t t = 0; t < net_.task_count(); ++t) critical_[t] += s.critical[t];
    sensitivity_.insert(sensitivity_.end(), s.sensitivity.begin(), s.sensitivity.end());
    for (std::uint32_t p : sc_.sensitivity_projects) {
      auto day = [](double d) { return std::isnan(d) ? std::numeric_limits<double>::infinity() : d; };
      const bool before = net_.project_under_construction[p];
      sensitivity_days_.push_back(before ? kNever : day(f.projects[p].start));
      sensitivity_days_.push_back(day(f.projects[p].completion));
    }
  }

  const std::vector<double>& horizon() const { return horizon_; }

  MonteCarloForecast finish(Periods periods) {
    MonteCarloForecast mc;
    mc.periods = std::move(periods);
    mc.replications = n_;
    mc.events = events_;
    mc.sensitivity = basis_.sensitivity;
    using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    mc.sensitivity_inputs = Eigen::Map<const RowMajor>(sensitivity_.data(), n_, static_cast<Eigen::Index>(basis_.sensitivity.size()));
    const auto named = static_cast<Eigen::Index>(sc_.sensitivity_projects.size());
    const Eigen::Map<const RowMajor> days(sensitivity_days_.data(), n_, 2 * named);
    mc.sensitivity_start.resize(n_, named);
    mc.sensitivity_completion.resize(n_, named);
    for (Eigen::Index k = 0; k < named; ++k) {
      mc.sensitivity_start.col(k) = days.col(2 * k);
      mc.sensitivity_completion.col(k) = days.col(2 * k + 1);
    }
    const auto months = static_cast<Eigen::Index>(mc.periods.months.size());
    const auto quarters = static_cast<Eigen::Index>(mc.periods.quarters.size());
    // Replication × column, from one row per replication.
    auto to_matrix = [&](const std::vector<std::vector<double>>& rows, Eigen::Index cols) {
      Eigen::MatrixXd m(n_, cols);
      for (Eigen::Index r = 0; r < n_; ++r)
        for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
      return m;
    };
    // Months → quarters, and running totals that restart each January.
    Eigen::MatrixXd to_quarter = Eigen::MatrixXd::Zero(months, quarters);
    for (Eigen::Index m = 0; m < months; ++m) to_quarter(m, mc.periods.quarter_of_month[static_cast<std::size_t>(m)]) = 1;
    auto ytd_matrix = [&](const std::vector<Period>& ps) {
      const auto k = static_cast<Eigen::Index>(ps.size());
      Eigen::MatrixXd u = Eigen::MatrixXd::Zero(k, k);
      for (Eigen::Index i = 0; i < k; ++i)
        for (Eigen::Index j = i; j < k; ++j)
          if ((mc.periods.origin + ps[static_cast<std::size_t>(i)].begin).ymd().year ==
              (mc.periods.origin + ps[static_cast<std::size_t>(j)].begin).ymd().year)
            u(i, j) = 1;
      return u;
    };
    mc.month_investment = to_matrix(month_investment_, months);
    mc.month_started = to_matrix(month_started_, months);
    mc.month_completed = to_matrix(month_completed_, months);
    mc.quarter_investment = mc.month_investment * to_quarter;
    mc.quarter_started = mc.month_started * to_quarter;
    mc.quarter_completed = mc.month_completed * to_quarter;
    for (std::size_t k = 0; k < mc.month_part.size(); ++k) {
      Eigen::MatrixXd m(n_, months);
      for (Eigen::Index r = 0; r < n_; ++r)
        for (Eigen::Index c = 0; c < months; ++c)
          m(r, c) = part_months_[static_cast<std::size_t>(r)][k * static_cast<std::size_t>(months) + static_cast<std::size_t>(c)];
      mc.month_part[k] = m;
      mc.quarter_part[k] = m * to_quarter;
    }
    mc.month_ytd = mc.month_investment * ytd_matrix(mc.periods.months);
    mc.quarter_ytd = mc.quarter_investment * ytd_matrix(mc.periods.quarters);
    mc.horizon_investment = Eigen::Map<const Eigen::VectorXd>(horizon_.data(), n_);
    double fixed_candidates = 0;
    for (std::uint32_t p = 0; p < net_.fixed_projects; ++p)
      if (!net_.project_under_construction[p]) fixed_candidates += 1;
    mc.start_candidates = fixed_candidates + candidates_ / n_;
    for (const ArrivalAcc& a : arrivals_)
      mc.arrivals.push_back({a.arrived / n_, a.started / n_, a.investment / n_});

    const double n = n_;
    for (std::uint32_t p = 0; p < net_.fixed_projects; ++p) {
      const ProjectAcc& a = projects_[p];
      ProjectStats& s = mc.projects.emplace_back();
      s.p_start_in_horizon = a.started_in_horizon / n;
      if (a.approved > 0) s.mean_approval_finish_day = a.approval_day_sum / a.approved;
      if (a.started > 0) s.mean_start_day = a.start_day_sum / a.started;
      if (a.completed > 0) s.mean_completion_day = a.completion_day_sum / a.completed;
      if (sc_.projects[p].start_target) s.p_start_target_missed = a.start_missed / n;
      if (sc_.projects[p].completion_target) s.p_completion_target_missed = a.completion_missed / n;
      s.mean_investment_in_horizon = a.investment / n;
      for (std::size_t k = 0; k < a.parts.size(); ++k) s.mean_part_in_horizon[k] = a.parts[k] / n;
      std::tie(s.held_start_task, s.held_start_share) = most_held(p, held_start_);
      std::tie(s.held_completion_task, s.held_completion_share) = most_held(p, held_completion_);
      if (track_[p] != kUntracked) {
        if (!net_.project_under_construction[p]) s.start_quantiles = start_days_->quantiles(track_[p]);
        s.completion_quantiles = completion_days_->quantiles(track_[p]);
      }
    }
    mc.official = basis_.official;
    mc.combine_jan_feb = basis_.official && sc_.statistics->combine_jan_feb;
    mc.gross_horizon_investment = Eigen::Map<const Eigen::VectorXd>(gross_horizon_.data(), n_);
    mc.key_projects = key_projects_;
    mc.key_start_candidates = key_start_candidates_;
    mc.key_not_started = to_matrix(key_not_started_, quarters);
    mc.not_started = to_matrix(not_started_, quarters);
    mc.category_names = basis_.category_names;
    mc.category_plan = basis_.category_plan;
    mc.project_category.assign(basis_.category.begin(), basis_.category.begin() + net_.fixed_projects);
    const Eigen::MatrixXd quarter_ytd_of_month = to_quarter * ytd_matrix(mc.periods.quarters);
    for (std::size_t c = 0; c < basis_.category_names.size(); ++c) {
      Eigen::MatrixXd m(n_, months);
      for (Eigen::Index r = 0; r < n_; ++r)
        for (Eigen::Index k = 0; k < months; ++k)
          m(r, k) = category_months_[static_cast<std::size_t>(r)][c * static_cast<std::size_t>(months) + static_cast<std::size_t>(k)];
      mc.category_quarter_ytd.push_back(m * quarter_ytd_of_month);
      std::array<double, kInvestmentParts> parts{};
      for (std::size_t k = 0; k < parts.size() && c * kInvestmentParts + k < category_parts_.size(); ++k)
        parts[k] = category_parts_[c * kInvestmentParts + k] / n;
      mc.category_part_mean.push_back(parts);
    }
    mc.agency_month_utilisation = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(agencies_.size()), months);
    for (std::size_t a = 0; a < agencies_.size(); ++a) {
      const core::Calendar& cal = net_.calendars[net_.agency_calendar[a]];
      for (Eigen::Index m = 0; m < months; ++m) {
        const auto& pm = mc.periods.months[static_cast<std::size_t>(m)];
        const double capacity = net_.agency_capacity[a] * (cal.work_before(pm.end) - cal.work_before(pm.begin));
        const double busy = agency_month_busy_[a * static_cast<std::size_t>(months) + static_cast<std::size_t>(m)] / n;
        mc.agency_month_utilisation(static_cast<Eigen::Index>(a), m) = capacity > 0 ? busy / capacity : 0.0;
      }
    }
    for (std::size_t i = 0; i < agencies_.size(); ++i) {
      const AgencyAcc& a = agencies_[i];
      AgencySummary& s = mc.agencies.emplace_back();
      const core::Calendar& cal = net_.calendars[net_.agency_calendar[i]];
      const double capacity_work = net_.agency_capacity[i] * cal.work_before(net_.horizon_days);
      s.utilisation = capacity_work > 0 ? a.busy / n / capacity_work : 0;
      s.mean_queue = a.queue_area / n / net_.horizon_days;
      s.mean_max_queue = a.max_queue_sum / n;
      s.max_queue = a.max_queue;
      s.served = a.served / n;
      s.mean_wait = a.served > 0 ? a.wait / a.served : 0;
      if (a.limited > 0) s.share_over_limit = a.over / a.limited;
      if (a.over > 0) s.mean_excess = a.excess / a.over;
      s.deemed = a.deemed / n;
    }
    for (std::size_t i = 0; i < land_.size(); ++i) {
      LandSummary& l = mc.land.emplace_back();
      for (const auto& tranche : net_.land_releases)
        if (tranche.pool == i) l.released_mu += tranche.mu;
      l.granted_mu = land_[i].granted_mu / n;
      l.grants = land_[i].grants / n;
      if (land_[i].grants > 0) l.mean_wait_days = land_[i].wait_sum / land_[i].grants;
      l.waiting_at_end = land_[i].waiting_at_end / n;
    }
    for (double h : risk_hits_) mc.risks.push_back({h / n});
    for (std::size_t m = 0; m < kApprovalMeasures; ++m) {
      const ApprovalAcc& acc = approval_[m];
      ApprovalTime& out = mc.approval[m];
      std::vector<double> all = acc.key;
      all.insert(all.end(), acc.normal.begin(), acc.normal.end());
      out.key = describe(acc.key);
      out.normal = describe(acc.normal);
      out.all = describe(std::move(all));
      out.sum_by_rep = Eigen::Map<const Eigen::VectorXd>(acc.sum_by_rep.data(), n_);
      out.count_by_rep = Eigen::Map<const Eigen::VectorXd>(acc.count_by_rep.data(), n_);
      out.key_sum_by_rep = Eigen::Map<const Eigen::VectorXd>(acc.key_sum_by_rep.data(), n_);
      out.key_count_by_rep = Eigen::Map<const Eigen::VectorXd>(acc.key_count_by_rep.data(), n_);
    }
    using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const auto agencies = static_cast<Eigen::Index>(agencies_.size());
    mc.agency_wait_sum_by_rep = Eigen::Map<const RowMajor>(wait_sum_by_rep_.data(), n_, agencies);
    mc.agency_served_by_rep = Eigen::Map<const RowMajor>(served_by_rep_.data(), n_, agencies);
    for (std::uint32_t c : critical_) mc.criticality.push_back(c / n);
    return mc;
  }

 private:
  struct ProjectAcc {
    double started_in_horizon = 0, started = 0, completed = 0, start_day_sum = 0, completion_day_sum = 0;
    double approved = 0, approval_day_sum = 0;
    double start_missed = 0, completion_missed = 0, investment = 0;
    std::array<double, kInvestmentParts> parts{};
  };
  struct AgencyAcc {
    double busy = 0, queue_area = 0, max_queue_sum = 0, wait = 0, served = 0, limited = 0, over = 0, excess = 0, deemed = 0;
    std::uint32_t max_queue = 0;
  };

  void add_project(std::uint32_t p, const ProjectResult& r) {
    ProjectAcc& a = projects_[p];
    a.investment += r.investment_in_horizon;
    for (std::size_t k = 0; k < a.parts.size(); ++k) a.parts[k] += r.part_in_horizon[k];
    if (!std::isnan(r.approval_finish)) a.approved += 1, a.approval_day_sum += r.approval_finish_day;
    if (!std::isnan(r.start)) {
      a.started += 1;
      a.start_day_sum += r.start_day;
      if (r.start_day < net_.horizon_days) a.started_in_horizon += 1;
    }
    if (!std::isnan(r.completion)) a.completed += 1, a.completion_day_sum += r.completion_day;
    a.start_missed += r.start_missed;
    a.completion_missed += r.completion_missed;
    if (r.held_start != ProjectResult::kNoTask) ++held_start_[r.held_start];
    if (r.held_completion != ProjectResult::kNoTask) ++held_completion_[r.held_completion];
    if (track_[p] != kUntracked) {
      start_row_[track_[p]] = net_.project_under_construction[p] ? DayQuantiles::kNone : day_of(r.start, r.start_day);
      completion_row_[track_[p]] = day_of(r.completion, r.completion_day);
    }
  }

  // A reported day as DayQuantiles takes it: the horizon's length for after
  // the horizon, or never.
  std::uint16_t day_of(double moment, std::int32_t day) const {
    if (std::isnan(moment) || day >= net_.horizon_days) return static_cast<std::uint16_t>(days_);
    return static_cast<std::uint16_t>(std::max(day, 0));
  }

  // Projects that could start, not started by each quarter's end.
  void add_not_started(const Forecast& f) {
    std::vector<double> key(periods_.quarters.size(), 0.0), all(periods_.quarters.size(), 0.0);
    for (std::uint32_t p = 0; p < net_.fixed_projects; ++p) {
      if (net_.project_under_construction[p]) continue;
      const ProjectResult& r = f.projects[p];
      for (std::size_t q = 0; q < periods_.quarters.size(); ++q)
        if (std::isnan(r.start) || r.start_day >= periods_.quarters[q].end) {
          all[q] += 1;
          key[q] += net_.project_key[p];
        }
    }
    key_not_started_.push_back(std::move(key));
    not_started_.push_back(std::move(all));
  }

  // The task that most often held a project (and its share of the misses).
  std::pair<std::uint32_t, double> most_held(std::uint32_t p, const std::vector<std::uint32_t>& held) const {
    std::uint32_t best = ProjectResult::kNoTask, most = 0, total = 0;
    for (std::uint32_t t = net_.project_begin[p]; t < net_.project_begin[p + 1]; ++t) {
      total += held[t];
      if (held[t] > most) best = t, most = held[t];
    }
    return {best, total > 0 ? static_cast<double>(most) / total : kNever};
  }

  void add_agency(std::size_t i, const engine::AgencyStats& s) {
    AgencyAcc& a = agencies_[i];
    a.busy += s.busy_work;
    a.queue_area += s.queue_area;
    a.max_queue_sum += s.max_queue;
    a.max_queue = std::max(a.max_queue, s.max_queue);
    a.wait += s.wait_sum;
    a.served += s.served;
    a.limited += s.limited;
    a.over += s.over_limit;
    a.excess += s.excess_sum;
    a.deemed += s.deemed;
  }

  const model::Scenario& sc_;
  const engine::Network& net_;
  const ReportingBasis basis_;
  const Periods periods_;
  int n_ = 0;
  std::vector<double> gross_horizon_;
  std::vector<std::uint32_t> held_start_, held_completion_;  // per task: misses it held
  static constexpr std::uint32_t kUntracked = UINT32_MAX;
  std::vector<std::uint32_t> track_;  // per fixed project: its histogram row, or kUntracked
  std::uint32_t tracked_ = 0, days_ = 0, key_projects_ = 0, key_start_candidates_ = 0;
  std::optional<DayQuantiles> start_days_, completion_days_;  // tracked projects
  std::vector<std::uint16_t> start_row_, completion_row_;      // one replication's days, per tracked project
  std::vector<std::vector<double>> key_not_started_, not_started_, category_months_;
  std::vector<double> agency_month_busy_;
  std::uint64_t events_ = 0;
  std::vector<std::vector<double>> month_investment_, month_started_, month_completed_;
  std::vector<std::vector<double>> part_months_;  // per replication: [part × months + month]
  std::vector<double> category_parts_;            // summed over replications: [category × kInvestmentParts + part]
  std::vector<double> horizon_;
  std::vector<ProjectAcc> projects_;
  std::vector<AgencyAcc> agencies_;
  struct LandAcc {
    double granted_mu = 0, grants = 0, wait_sum = 0, waiting_at_end = 0;
  };
  std::vector<LandAcc> land_;
  struct ArrivalAcc {
    double arrived = 0, started = 0, investment = 0;
  };
  std::vector<ArrivalAcc> arrivals_;
  double candidates_ = 0;  // arrivals inside the horizon, summed over replications
  std::vector<double> risk_hits_;
  std::vector<double> sensitivity_;       // replication × input, row by row
  std::vector<double> sensitivity_days_;  // replication × named project × (start, completion)
  struct ApprovalAcc {
    std::vector<double> key, normal;            // per project-replication measured
    std::vector<double> sum_by_rep, count_by_rep, key_sum_by_rep, key_count_by_rep;
  };
  std::array<ApprovalAcc, kApprovalMeasures> approval_;
  std::vector<double> wait_sum_by_rep_, served_by_rep_;  // replication × agency
  std::vector<std::uint32_t> critical_;
};

ForecastReducer::ForecastReducer(const model::Scenario& sc, const engine::Network& net)
    : impl_(std::make_unique<Impl>(sc, net)) {}
ForecastReducer::~ForecastReducer() = default;
ForecastReducer::ForecastReducer(ForecastReducer&&) noexcept = default;
ForecastReducer& ForecastReducer::operator=(ForecastReducer&&) noexcept = default;
void ForecastReducer::add(const ReplicationSummary& s) { impl_->add(s); }
const std::vector<double>& ForecastReducer::horizon() const { return impl_->horizon(); }
MonteCarloForecast ForecastReducer::finish(Periods periods) { return impl_->finish(std::move(periods)); }
const ReportingBasis& ForecastReducer::basis() const { return impl_->basis(); }

}  // namespace kpsim::report
