#include "sim/calibrate/observables.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "sim/core/suggest.hpp"

namespace kpsim::calibrate {
namespace {

bool in_group(const engine::Network& net, std::uint32_t p, bool key_only) { return !key_only || net.project_key[p]; }

}  // namespace

Observables::Observables(const std::vector<model::Observation>& observations, const model::Scenario& sc,
                         const engine::Network& net, const report::ReportingBasis& basis, model::Diagnostics& diag)
    : net_(net) {
  const core::Date first = sc.start, last = sc.end;
  std::set<std::string> unknown;  // projects already reported
  for (const model::Observation& o : observations) {
    Item it;
    it.kind = o.kind;
    it.what = o.what;
    it.key_only = o.group == model::ProjectGroup::key;
    const bool monthly = o.kind == model::ObservationKind::investment || o.kind == model::ObservationKind::project_investment ||
                         o.kind == model::ObservationKind::project_started;
    if (o.kind != model::ObservationKind::approval_days && (o.date < first || o.date > last)) {
      diag.error("E-CLB-041", o.loc,
                 (o.label.empty() ? std::string("the observation") : "'" + o.label + "'") + " is of " +
                     (monthly ? o.date.iso().substr(0, 7) : o.date.iso()) + ", outside the scenario's horizon " +
                     first.iso() + " … " + last.iso());
      items_.push_back(it);
      continue;
    }
    if (monthly) {
      const auto ymd = o.date.ymd(), start = first.ymd();
      it.months = static_cast<std::size_t>((ymd.year - start.year) * 12 + ymd.month - start.month + 1);
    }
    it.day = o.date - first;
    if (!o.category.empty()) {
      const auto& names = basis.category_names;
      const auto c = std::find(names.begin(), names.end(), o.category);
      if (c == names.end()) diag.error("E-CLB-042", o.loc, "no project category '" + o.category + "'" + core::did_you_mean(o.category, names));
      else it.category = static_cast<std::int32_t>(c - names.begin());
    }
    if (!o.district.empty()) {
      std::vector<std::string> districts;
      for (std::uint32_t p = 0; p < net.fixed_projects; ++p) {
        if (sc.projects[p].district == o.district) it.projects.push_back(p);
        districts.push_back(sc.projects[p].district);
      }
      if (it.projects.empty()) diag.error("E-CLB-042", o.loc, "no project in district '" + o.district + "'" + core::did_you_mean(o.district, districts));
      project_months_ = true;
    }
    if (!o.project.empty()) {
      for (std::uint32_t p = 0; p < net.fixed_projects; ++p)
        if (sc.projects[p].id == o.project) it.projects = {p};
      if (it.projects.empty() && unknown.insert(o.project).second)  // once, though a dispatch table gives it two figures
        diag.error("E-CLB-043", o.loc, "no project '" + o.project + "' in the scenario");
      project_months_ = true;
    }
    it.binary = o.kind == model::ObservationKind::project_started;
    items_.push_back(std::move(it));
  }
}

void Observables::measure(const report::Forecast& f, const std::vector<double>& approval_days, std::span<double> out) const {
  const std::size_t months = f.months.size();
  for (std::size_t i = 0; i < items_.size(); ++i) {
    const Item& it = items_[i];
    double v = 0;
    switch (it.kind) {
      case model::ObservationKind::investment:
        for (std::size_t m = 0; m < it.months && m < months; ++m) {
          if (!it.projects.empty()) {
            for (std::uint32_t p : it.projects) v += f.project_months[p * months + m];
          } else if (it.category >= 0) {
            v += f.category_months[static_cast<std::size_t>(it.category) * months + m];
          } else {
            v += f.months[m].counted;
          }
        }
        break;
      case model::ObservationKind::project_investment:
        for (std::size_t m = 0; m < it.months && m < months; ++m) v += f.project_months[it.projects[0] * months + m];
        break;
      case model::ObservationKind::project_started: {
        const std::uint32_t p = it.projects[0];
        const report::ProjectResult& r = f.projects[p];
        v = net_.project_under_construction[p] || (!std::isnan(r.start) && r.start_day <= it.day) ? 1 : 0;
        break;
      }
      case model::ObservationKind::count:
        for (std::uint32_t p = 0; p < net_.fixed_projects; ++p) {
          if (!in_group(net_, p, it.key_only)) continue;
          const report::ProjectResult& r = f.projects[p];
          const bool started = !std::isnan(r.start) && r.start_day <= it.day;
          switch (it.what) {
            case model::CountWhat::not_started: v += !net_.project_under_construction[p] && !started; break;
            case model::CountWhat::started: v += !net_.project_under_construction[p] && started; break;
            case model::CountWhat::completed: v += !std::isnan(r.completion) && r.completion_day <= it.day; break;
          }
        }
        break;
      case model::ObservationKind::approval_days: {
        double sum = 0;
        int n = 0;
        for (std::uint32_t p = 0; p < net_.fixed_projects; ++p)
          if (in_group(net_, p, it.key_only) && std::isfinite(approval_days[p])) sum += approval_days[p], ++n;
        v = n ? sum / n : std::nan("");
        break;
      }
    }
    out[i] = v;
  }
}

}  // namespace kpsim::calibrate
