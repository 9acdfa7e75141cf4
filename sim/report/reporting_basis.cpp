#include "sim/report/reporting_basis.hpp"

#include <algorithm>
#include <cmath>

#include "sim/model/ids.hpp"

namespace kpsim::report {
namespace {

std::uint16_t category_index(ReportingBasis& b, const std::string& name) {
  auto it = std::find(b.category_names.begin(), b.category_names.end(), name);
  if (it != b.category_names.end()) return static_cast<std::uint16_t>(it - b.category_names.begin());
  b.category_names.push_back(name);
  b.category_plan.push_back(std::numeric_limits<double>::quiet_NaN());
  return static_cast<std::uint16_t>(b.category_names.size() - 1);
}

// Edges go from lower to higher task numbers, so one backward pass suffices.
std::vector<std::uint8_t> start_gates(const engine::Network& net) {
  const auto n = net.task_count();
  auto construction = [&](std::uint32_t t) { return net.tasks[t].type == model::StepType::construction; };
  std::vector<std::uint8_t> later_construction(n, 0), gates(n, 0);
  for (std::uint32_t t = 0; t < n; ++t)
    if (construction(t))
      for (std::uint32_t e = net.succ_begin[t]; e < net.succ_begin[t + 1]; ++e) later_construction[net.succ[e]] = 1;
  for (std::uint32_t t = n; t-- > 0;) {
    if (construction(t)) {
      gates[t] = !later_construction[t];
      continue;
    }
    for (std::uint32_t e = net.succ_begin[t]; e < net.succ_begin[t + 1] && !gates[t]; ++e) gates[t] = gates[net.succ[e]];
  }
  return gates;
}

// Each task's spend curve, the distinct curves listed once (at most 255 kinds
// besides uniform; more fall back to the last).
std::vector<std::uint8_t> task_curves(const model::Scenario& sc, const engine::Network& net,
                                      std::vector<model::SpendCurve>& curves) {
  std::vector<std::uint8_t> out(net.task_count(), 0);
  for (std::uint32_t t = 0; t < net.task_count(); ++t) {
    const model::SpendCurve& c = sc.templates[net.project_template[net.tasks[t].project]].steps[net.tasks[t].step].curve;
    if (c.uniform()) continue;
    std::size_t i = 0;
    while (i < curves.size() && !(curves[i].a == c.a && curves[i].b == c.b)) ++i;
    if (i == curves.size() && curves.size() < 256) curves.push_back(c);
    out[t] = static_cast<std::uint8_t>(std::min<std::size_t>(i, curves.size() - 1));
  }
  return out;
}

// What each project still has to spend on equipment and other costs, and
// the share of its construction spend left for construction and installation.
void plan_composition(const model::Scenario& sc, const engine::Network& net, ReportingBasis& b) {
  b.construction_scale.assign(net.project_count(), 1.0);
  b.parts_begin.assign(1, 0);
  for (std::uint32_t p = 0; p < net.project_count(); ++p) {
    const model::Template& tpl = sc.templates[net.project_template[p]];
    const model::Composition& comp = tpl.composition;
    double money_left = 0, built_left = 0, parts_left = 0;
    bool land_left = false;
    for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t) {
      money_left += net.spend[t];
      const bool to_do = !net.tasks[t].done_at_start && !net.tasks[t].skipped;
      const model::Step& step = tpl.steps[net.tasks[t].step];
      if (step.type == model::StepType::construction && to_do) built_left += step.share * net.remaining[t];
      land_left |= step.type == model::StepType::land && to_do;
    }
    auto task_of = [&](const std::string& step) {
      for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t)
        if (tpl.steps[net.tasks[t].step].id == step) return t;
      return UINT32_MAX;  // gone (merged by a policy): spent as if spread
    };
    const std::pair<std::uint8_t, const model::SpendPart*> parts[] = {{1, &comp.equipment}, {2, &comp.other}};
    for (const auto& [k, part] : parts) {
      if (part->share <= 0 || money_left <= 0) continue;
      ReportingBasis::PartLeft left;
      left.project = p;
      left.part = k;
      left.timing = part->timing;
      left.curve = part->curve;
      if (!part->calendar.empty())
        left.calendar = static_cast<std::int32_t>(*model::index_of_id(sc.calendars, part->calendar));
      double fraction = built_left;  // spread: as much as construction has left
      if (part->timing == model::SpendTiming::with_step || part->timing == model::SpendTiming::at_step) {
        left.task = task_of(part->step);
        if (left.task == UINT32_MAX) left.timing = model::SpendTiming::spread;
        else fraction = net.tasks[left.task].done_at_start ? 0.0 : net.remaining[left.task];
      } else if (part->timing == model::SpendTiming::at_land) {
        fraction = land_left ? 1.0 : 0.0;
      }
      left.amount = part->share * net.project_investment[p] * fraction;
      if (left.amount <= 0) continue;
      parts_left += left.amount;
      b.parts.push_back(left);
    }
    // What is left to spend is split as the composition says; construction
    // and installation take what the other parts do not.
    if (parts_left > money_left) {
      for (std::size_t i = b.parts_begin.back(); i < b.parts.size(); ++i) b.parts[i].amount *= money_left / parts_left;
      parts_left = money_left;
    }
    if (money_left > 0) b.construction_scale[p] = (money_left - parts_left) / money_left;
    b.parts_begin.push_back(static_cast<std::uint32_t>(b.parts.size()));
  }
}

}  // namespace

ReportingBasis::ReportingBasis() : every_day(std::vector<bool>(core::Calendar::kCycleDays, true)) {}

ReportingBasis make_reporting_basis(const model::Scenario& sc, const engine::Network& net) {
  ReportingBasis b;
  b.sensitivity = sensitivity_inputs(net, sc.sensitivity_projects);
  if (sc.statistics) {
    b.official = true;
    b.min_investment = sc.statistics->min_investment;
    b.registration_lag_months = sc.statistics->registration_lag_months;
  }
  b.registered_day.assign(net.project_count(), ReportingBasis::kAtStart);
  b.category.resize(net.project_count());
  const core::Date end = sc.end;
  for (std::uint32_t p = 0; p < net.fixed_projects; ++p) {
    const model::Project& pr = sc.projects[p];
    if (pr.registered) {
      const core::YearMonthDay ymd = pr.registered->ymd();
      b.registered_day[p] = std::max(0, core::Date::from_ymd({ymd.year, ymd.month, 1}) - sc.start);
    } else if (net.project_under_construction[p]) {
      b.registered_day[p] = 0;  // 续建: in the system already
    }
    std::string name = pr.category;
    if (name.empty())
      name = net.project_under_construction[p]                    ? "续建"
             : pr.start_target && *pr.start_target <= end         ? "新开工"
                                                                  : "前期";
    const std::uint16_t c = category_index(b, name);
    b.category[p] = c;
    if (pr.plan) b.category_plan[c] = (std::isnan(b.category_plan[c]) ? 0.0 : b.category_plan[c]) + *pr.plan;
  }
  b.gates_start = start_gates(net);
  b.task_curve = task_curves(sc, net, b.curves);
  plan_composition(sc, net, b);
  for (std::size_t i = 0; i < net.arrivals.size(); ++i) {
    const engine::ArrivalSlots& a = net.arrivals[i];
    const model::ArrivalStream& s = sc.arrivals[i];
    const std::uint16_t c = category_index(b, s.name.empty() ? s.id : s.name);
    for (std::uint32_t k = 0; k < a.count; ++k) b.category[a.first_project + k] = c;
  }
  return b;
}

}  // namespace kpsim::report
