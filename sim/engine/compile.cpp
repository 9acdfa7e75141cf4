#include "sim/engine/compile.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Cholesky>

#include "sim/core/rng.hpp"
#include "sim/model/ids.hpp"

#include "sim/engine/task_graph.hpp"

namespace kpsim::engine {
namespace {

// The scenario's ids as dense indices, looked up in constant time per task.
struct ScenarioIds {
  explicit ScenarioIds(const model::Scenario& sc)
      : templates(sc.templates), agencies(sc.agencies), calendars(sc.calendars), land_pools(sc.land_pools),
        copulas(sc.copulas) {}
  model::IdIndex templates, agencies, calendars, land_pools, copulas;
};

// One template, analysed once for all projects that use it.
struct TemplatePlan {
  std::vector<std::uint32_t> order;       // step indices, topological
  std::vector<std::uint32_t> position;    // step index -> position in `order`
  std::vector<Edge> edges;                // (pred step, succ step)
  std::vector<double> edge_fraction;      // 1, or the overlap fraction (容缺受理)
  std::vector<std::vector<std::uint32_t>> preds;
  std::vector<bool> before_construction;
  model::IdIndex step_ids;
};

TemplatePlan plan_template(const model::Template& t, model::Diagnostics& diag) {
  TemplatePlan plan;
  const auto n = static_cast<std::uint32_t>(t.steps.size());
  plan.step_ids = model::IdIndex(t.steps);
  plan.preds.resize(n);
  if (n > kMaxTemplateSteps)
    diag.error("E-GRAPH-003", t.loc,
               "template '" + t.id + "' has " + std::to_string(n) + " steps, more than the " + std::to_string(kMaxTemplateSteps) +
                   " a template may hold");
  for (std::uint32_t s = 0; s < n; ++s) {
    if (t.steps[s].needs.size() > kMaxNeeds)
      diag.error("E-GRAPH-004", t.steps[s].loc,
                 "template '" + t.id + "': step '" + t.steps[s].id + "' needs " + std::to_string(t.steps[s].needs.size()) +
                     " resources, more than the " + std::to_string(kMaxNeeds) + " a step may hold");
    // The engine counts a task's unfinished predecessors in 24 bits.
    if (t.steps[s].after.size() > kMaxPredecessors)
      diag.error("E-GRAPH-002", t.steps[s].loc,
                 "template '" + t.id + "': step '" + t.steps[s].id + "' waits for " + std::to_string(t.steps[s].after.size()) +
                     " others, more than the " + std::to_string(kMaxPredecessors) + " a step may wait for");
    for (const std::string& a : t.steps[s].after) {
      const std::uint32_t p = plan.step_ids(a);
      plan.edges.emplace_back(p, s);
      plan.preds[s].push_back(p);
      double f = 1;
      for (const model::Overlap& o : t.steps[s].overlaps)
        if (o.step == a) f = o.fraction;
      plan.edge_fraction.push_back(f);
    }
  }
  if (auto cycle = find_cycle(n, plan.edges)) {
    std::string names;
    for (std::uint32_t v : *cycle) names += t.steps[v].id + " → ";
    names += t.steps[cycle->front()].id;
    diag.error("E-GRAPH-001", t.steps[cycle->front()].loc,
               "template '" + t.id + "': steps depend on each other in a cycle: " + names);
    return plan;
  }
  plan.order = topological_order(n, plan.edges);
  plan.position.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) plan.position[plan.order[i]] = i;
  // Approval and land steps that some construction step waits on (transitively).
  plan.before_construction.assign(n, false);
  std::vector<bool> feeds_construction(n, false);
  for (auto it = plan.order.rbegin(); it != plan.order.rend(); ++it) {
    const std::uint32_t s = *it;
    if (t.steps[s].type == model::StepType::construction) feeds_construction[s] = true;
    if (feeds_construction[s])
      for (std::uint32_t p : plan.preds[s]) feeds_construction[p] = true;
  }
  for (std::uint32_t s = 0; s < n; ++s)
    plan.before_construction[s] = feeds_construction[s] && t.steps[s].type != model::StepType::construction;
  return plan;
}

void check_calendar(const core::Calendar& c, const model::CalendarSpec& spec, model::Diagnostics& diag) {
  const std::int32_t last = c.table_days();
  if (c.work_before(last) - c.work_before(last - core::Calendar::kCycleDays) < 1)
    diag.error("E-CAL-020", spec.loc, "calendar '" + spec.id + "' has no working day in a whole year: work would never finish");
}

// Which steps are finished, and how much of each is left, at the start date.
void apply_state(const model::Project& p, const model::Template& t, const TemplatePlan& plan,
                 std::vector<double>& remaining) {
  const auto n = t.steps.size();
  remaining.assign(n, 1.0);
  std::vector<bool> done(n, false);
  for (const std::string& id : p.state.done)
    if (const std::uint32_t i = plan.step_ids(id); i < n) done[i] = true;
  // Construction progress fills the construction steps in order of precedence.
  double left = p.state.progress;
  for (std::uint32_t s : plan.order) {
    const model::Step& step = t.steps[s];
    if (step.type != model::StepType::construction || left <= 0) continue;
    if (step.share <= left + 1e-12) {
      done[s] = true;
      left -= step.share;
    } else {
      remaining[s] = 1.0 - left / step.share;
      left = 0;
    }
    if (remaining[s] < 1.0 || done[s])
      for (std::uint32_t q : plan.preds[s]) done[q] = true;
  }
  // A finished or started step implies all it depends on is finished: a
  // step under way too.
  const std::uint32_t under_way = p.state.under_way.empty() ? UINT32_MAX : plan.step_ids(p.state.under_way);
  for (auto it = plan.order.rbegin(); it != plan.order.rend(); ++it)
    if (done[*it] || remaining[*it] < 1.0 || *it == under_way)
      for (std::uint32_t q : plan.preds[*it]) done[q] = true;
  for (std::size_t s = 0; s < n; ++s)
    if (done[s]) remaining[s] = 0.0;
}

// Statutory working days a step under way has on its clock at the start:
// those of its calendar since it was filed, or, without a filing date, the
// days it has been worked.
double clock_before_start(const model::Scenario& sc, const model::Step& step, const model::ProjectState& state) {
  if (!state.filed) return state.worked;
  const model::CalendarSpec* cal = sc.find_calendar(step.calendar);
  double days = 0;
  for (core::Date d = *state.filed; d < sc.start; d = d + 1) days += cal && cal->pattern.works(d) ? 1 : 0;
  return std::max(days, state.worked);
}

// Enough slots that a Poisson stream overflows them with negligible
// probability (mean + 6 standard deviations + 6).
std::uint32_t slot_count(const model::ArrivalStream& a) {
  if (!a.per_month) return static_cast<std::uint32_t>(a.dates.size());
  const double mean = *a.per_month * 12.0 / 365.25 * static_cast<double>(a.to - a.from + 1);
  return static_cast<std::uint32_t>(std::ceil(mean + 6 * std::sqrt(mean) + 6));
}

std::vector<model::Project> with_arrival_slots(const model::Scenario& sc, Network& net) {
  std::vector<model::Project> projects = sc.projects;
  net.fixed_projects = static_cast<std::uint32_t>(projects.size());
  for (const model::ArrivalStream& a : sc.arrivals) {
    ArrivalSlots slots;
    slots.first_project = static_cast<std::uint32_t>(projects.size());
    slots.count = slot_count(a);
    if (a.per_month) slots.rate_per_day = *a.per_month * 12.0 / 365.25;
    slots.from_day = a.from - sc.start;
    slots.to_day = (a.to - sc.start) + 1.0;
    for (const core::Date& d : a.dates) slots.dates.push_back(std::max(0, d - sc.start));
    std::sort(slots.dates.begin(), slots.dates.end());
    slots.investment = a.investment;
    slots.land_mu = a.land_mu;
    slots.hash = core::hash_name(a.id);
    net.arrivals.push_back(slots);
    for (std::uint32_t k = 0; k < slots.count; ++k) {
      model::Project p;
      p.id = a.id + "#" + std::to_string(k + 1);
      p.name = a.name + " #" + std::to_string(k + 1);
      p.template_id = a.template_id;
      p.project_class = a.project_class;
      p.kind = a.kind;
      p.district = a.district;
      p.zone = a.zone;
      p.state.skip = a.skip;
      p.investment = 1.0;  // scaled by the drawn investment in each replication
      p.land_pool = a.land_pool;
      projects.push_back(std::move(p));
    }
  }
  return projects;
}

StepRule make_rule(const model::Step& s, Network& net) {
  StepRule r;
  r.duration = s.duration;
  r.limit = s.limit.value_or(std::numeric_limits<double>::infinity());
  r.cap = s.cap.value_or(std::numeric_limits<double>::infinity());
  r.step_hash = core::hash_name(s.id);
  r.part_begin = static_cast<std::uint32_t>(net.rule_parts.size());
  for (const model::MergedPart& part : s.parts) net.rule_parts.push_back({part.duration, core::hash_name(part.step)});
  r.part_count = static_cast<std::uint32_t>(s.parts.size());
  r.phase_begin = static_cast<std::uint32_t>(net.rule_phases.size());
  for (std::size_t i = 0; i < s.off_clock.size(); ++i)
    net.rule_phases.push_back({s.off_clock[i].duration, core::hash_name(s.id + "/" + s.off_clock[i].name + "/" + std::to_string(i))});
  r.phase_count = static_cast<std::uint32_t>(s.off_clock.size());
  r.combine = s.combine;
  r.has_effort = s.effort.has_value();
  r.owner_work = s.type == model::StepType::preparation;
  if (s.effort) r.effort = *s.effort;
  r.deemed = s.deemed && s.limit.has_value();
  r.priority = s.priority;
  return r;
}

void pack_for_engine(const model::Scenario& sc, const ScenarioIds& ids, Network& net) {
  std::vector<std::uint32_t> first_rule;  // per template
  for (const model::Template& t : sc.templates) {
    first_rule.push_back(static_cast<std::uint32_t>(net.rules.size()));
    for (const model::Step& s : t.steps) {
      StepRule& rule = net.rules.emplace_back(make_rule(s, net));
      rule.step = static_cast<std::uint32_t>(&s - t.steps.data());
      rule.calendar = static_cast<std::uint16_t>(ids.calendars(s.calendar));
      rule.type = s.type;
    }
  }
  std::vector<std::uint32_t> in_degree(net.task_count(), 0);
  for (std::uint32_t s : net.succ) ++in_degree[s];
  net.hot.resize(net.task_count());
  for (std::uint32_t t = 0; t < net.task_count(); ++t) {
    const Task& task = net.tasks[t];
    TaskHot& h = net.hot[t];
    h.project = task.project;
    h.rule = first_rule[net.project_template[task.project]] + task.step;
    h.succ_begin = net.succ_begin[t];
    h.succ_count = static_cast<std::uint16_t>(net.succ_begin[t + 1] - net.succ_begin[t]);
    h.need_count = static_cast<std::uint16_t>(net.need_begin[t + 1] - net.need_begin[t]);
    if (h.need_count > 0) h.primary = net.need_agency[net.need_begin[t]];
    h.need_at = h.need_count == 1 ? static_cast<std::uint32_t>(net.need_amount[net.need_begin[t]]) : net.need_begin[t];
    if (net.remaining[t] < 1) h.flags |= TaskHot::kPartlyDone;
    if (task.skipped) h.flags |= TaskHot::kSkipped;
    for (std::uint32_t i = net.succ_begin[t]; i < net.succ_begin[t + 1]; ++i)
      if (net.succ_fraction[i] < 1) h.flags |= TaskHot::kOverlapOut;
    if (h.succ_count == 1 && net.succ[h.succ_begin] == t + 1 && net.succ_fraction[h.succ_begin] >= 1 && in_degree[t + 1] == 1)
      h.flags |= TaskHot::kChainsToNext;
  }
}

// Risk offsets come last: risks are compiled after the rest.
void pack_risks_for_engine(Network& net) {
  for (std::uint32_t t = 0; t < net.task_count(); ++t) {
    net.hot[t].risk_begin = net.risk_begin[t];
    net.hot[t].risk_count = static_cast<std::uint16_t>(net.risk_begin[t + 1] - net.risk_begin[t]);
  }
}

bool strikes(const model::RiskTarget& r, const model::Project& p, const model::Template& t, const model::Step& s) {
  // A merged step is still each of the steps it was made of.
  if (!r.step.empty() && r.step != s.id &&
      std::none_of(s.parts.begin(), s.parts.end(), [&](const model::MergedPart& m) { return m.step == r.step; }))
    return false;
  if (!r.milestone.empty() && r.milestone != s.milestone) return false;
  if (r.type && *r.type != s.type) return false;
  if (!r.templates.empty() && std::find(r.templates.begin(), r.templates.end(), t.family) == r.templates.end() &&
      std::find(r.templates.begin(), r.templates.end(), t.id) == r.templates.end())
    return false;
  if (r.kind && *r.kind != p.kind) return false;
  if (r.project_class && *r.project_class != p.project_class) return false;
  return true;
}

// A project waits for a grant when it needs land from a pool and still has
// land steps to do.
void compile_land(const model::Scenario& sc, const ScenarioIds& ids, const std::vector<model::Project>& projects,
                  Network& net) {
  for (std::uint32_t i = 0; i < sc.land_pools.size(); ++i) {
    net.pool_discipline.push_back(sc.land_pools[i].discipline);
    for (const model::LandRelease& r : sc.land_pools[i].releases)
      net.land_releases.push_back({static_cast<double>(std::max(0, r.date - sc.start)), r.mu, i});
  }
  std::stable_sort(net.land_releases.begin(), net.land_releases.end(),
                   [](const LandTranche& a, const LandTranche& b) { return a.day < b.day; });
  for (std::uint32_t p = 0; p < projects.size(); ++p) {
    const model::Project& pr = projects[p];
    bool land_to_do = false;
    for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t)
      land_to_do |= net.tasks[t].type == model::StepType::land && !net.tasks[t].done_at_start && !net.tasks[t].skipped;
    const bool slot = p >= net.fixed_projects;  // an arrival's land need is drawn per replication
    const bool needs = land_to_do && (pr.land_mu > 0 || slot) && sc.find_land_pool(pr.land_pool);
    net.project_pool.push_back(needs ? static_cast<std::int32_t>(ids.land_pools(pr.land_pool)) : -1);
    net.project_land.push_back(pr.land_mu);
  }
}

void compile_risks(const model::Scenario& sc, const ScenarioIds& ids, const std::vector<model::Project>& projects,
                   Network& net, model::Diagnostics& diag) {
  for (const model::Copula& c : sc.copulas) {
    const auto n = static_cast<Eigen::Index>(c.members.size());
    Eigen::MatrixXd m(n, n);
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < n; ++j) m(i, j) = c.matrix[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
    const Eigen::MatrixXd l = Eigen::LLT<Eigen::MatrixXd>(m).matrixL();
    CopulaFactors f{static_cast<std::uint32_t>(n), {}, c.loading, core::hash_name(c.id)};
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < n; ++j) f.cholesky.push_back(l(i, j));
    net.copulas.push_back(std::move(f));
    for (const model::Project& p : projects) {
      const std::string value = c.by == "template" ? sc.find_template(p.template_id)->family : model::project_field(p, c.by);
      const auto it = std::find(c.members.begin(), c.members.end(), value);
      net.project_member.push_back(it == c.members.end() ? -1 : static_cast<std::int32_t>(it - c.members.begin()));
    }
  }
  for (const model::Risk& r : sc.risks) {
    RiskRule rule;
    rule.effect = r.effect;
    rule.probability = r.probability;
    rule.amount = r.amount;
    rule.until_day = r.until - sc.start;
    if (r.target.from) rule.from_day = *r.target.from - sc.start;
    if (r.target.to) rule.to_day = (*r.target.to - sc.start) + 1;
    rule.copula = r.copula.empty() ? -1 : static_cast<std::int32_t>(ids.copulas(r.copula));
    rule.hash = core::hash_name(r.id);
    net.risks.push_back(rule);
  }
  for (std::uint32_t t = 0; t < net.task_count(); ++t) {
    net.risk_begin.push_back(static_cast<std::uint32_t>(net.task_risk.size()));
    const model::Project& p = projects[net.tasks[t].project];
    const model::Template& tpl = sc.templates[net.project_template[net.tasks[t].project]];
    const model::Step& s = tpl.steps[net.tasks[t].step];
    if (!net.tasks[t].skipped)
      for (std::uint32_t r = 0, count = 0; r < sc.risks.size(); ++r) {
        if (!strikes(sc.risks[r].target, p, tpl, s)) continue;
        if (++count > kMaxRisksPerTask) {  // named once, at the first risk too many
          diag.error("E-GRAPH-005", sc.risks[r].loc,
                     "risk '" + sc.risks[r].id + "' is the " + std::to_string(count) + "th that may strike step '" + s.id +
                         "' of project '" + p.id + "', more than the " + std::to_string(kMaxRisksPerTask) + " a step may have");
          return;
        }
        net.task_risk.push_back(r);
      }
  }
  net.risk_begin.push_back(static_cast<std::uint32_t>(net.task_risk.size()));
}

// The need and risk offsets live on in the packed records; per-task
// vectors grown by push_back give back their spare capacity (up to half of
// each), which matters at a million tasks.
void release_spare_memory(Network& net) {
  std::vector<std::uint32_t>().swap(net.need_begin);
  std::vector<std::uint32_t>().swap(net.risk_begin);
  net.tasks.shrink_to_fit();
  net.spend.shrink_to_fit();
  net.succ_begin.shrink_to_fit();
  net.succ.shrink_to_fit();
  net.succ_fraction.shrink_to_fit();
  net.need_agency.shrink_to_fit();
  net.need_amount.shrink_to_fit();
  net.task_risk.shrink_to_fit();
  net.project_begin.shrink_to_fit();
  net.project_template.shrink_to_fit();
  net.project_ready.shrink_to_fit();
  net.project_key.shrink_to_fit();
  net.project_hash.shrink_to_fit();
  net.project_investment.shrink_to_fit();
  net.project_pool.shrink_to_fit();
  net.project_land.shrink_to_fit();
  net.project_member.shrink_to_fit();
}

// Day → month, and each project's targets as days.
void compile_periods(const model::Scenario& sc, Network& net) {
  net.origin = sc.start;
  net.horizon_days = sc.horizon_days();
  for (std::int32_t d = 0; d < net.horizon_days; ++d) {
    const core::YearMonthDay ymd = (sc.start + d).ymd();
    if (d == 0 || ymd.day == 1) net.month_begin.push_back(d);
    net.month_of_day.push_back(static_cast<std::uint16_t>(net.month_begin.size() - 1));
  }
  net.month_begin.push_back(net.horizon_days);
  for (const model::Project& p : sc.projects) {
    net.start_target_day.push_back(p.start_target ? *p.start_target - sc.start : Network::kNoTarget);
    net.completion_target_day.push_back(p.completion_target ? *p.completion_target - sc.start : Network::kNoTarget);
  }
}

// Each calendar's restart points: the first working moment after each stop
// that closes it (yearly ones in every year of the table), and its listed
// dates; only those from the start date on.
void compile_restarts(const model::Scenario& sc, Network& net) {
  net.calendar_restart.assign(sc.calendars.size(), -1);
  for (std::uint16_t c = 0; c < sc.calendars.size(); ++c) {
    const model::CalendarSpec& spec = sc.calendars[c];
    if (!spec.restart) continue;
    const core::Calendar& cal = net.calendars[c];
    CalendarRestart r{{}, spec.restart->lag, spec.restart->ramp, core::hash_name("restart/" + spec.id)};
    // Restarts matter where work happens: the horizon and the years just after it.
    const std::int32_t span = std::min(cal.table_days(), net.horizon_days + 5 * 366);
    auto add = [&](core::Date d) {
      const std::int32_t day = d - sc.start;
      if (day >= 0 && day < span) r.points.push_back(cal.next_working(day));
    };
    const int first_year = sc.start.ymd().year, last_year = (sc.start + cal.table_days()).ymd().year;
    for (const core::YearlyStop& stop : spec.pattern.yearly_stops)
      if (stop.intensity == 0)
        for (int y = first_year - 1; y <= last_year; ++y)
          add(core::Date::from_ymd({y, stop.to_month, std::min(stop.to_day, core::days_in_month(y, stop.to_month))}) + 1);
    for (const core::DatedStop& stop : spec.pattern.dated_stops)
      if (stop.intensity == 0) add(stop.to + 1);
    for (core::Date d : spec.restart->dates) add(d);
    std::sort(r.points.begin(), r.points.end());
    r.points.erase(std::unique(r.points.begin(), r.points.end()), r.points.end());
    net.calendar_restart[c] = static_cast<std::int32_t>(net.restarts.size());
    net.restarts.push_back(std::move(r));
  }
}

// Each calendar's working-time table over the horizon and a tail after it,
// and the months whose working days a lost-day risk may take.
void compile_calendars(const model::Scenario& sc, Network& net, model::Diagnostics& diag) {
  const std::int32_t table_days = net.horizon_days + kCalendarTailDays;
  for (std::uint16_t c = 0; c < sc.calendars.size(); ++c) {
    const model::CalendarSpec& spec = sc.calendars[c];
    net.calendars.push_back(core::make_calendar(spec.pattern, sc.start, table_days));
    check_calendar(net.calendars.back(), spec, diag);
    for (const model::LostDays& l : spec.lost_days) {
      CalendarRisk risk{c, 0, l.per_month, core::hash_name(spec.id + "/" + l.name + "/" + std::to_string(&l - spec.lost_days.data()))};
      for (int m : l.months) risk.months_mask |= static_cast<std::uint16_t>(1u << (m - 1));
      net.calendar_risks.push_back(risk);
    }
  }
  compile_restarts(sc, net);
  if (!net.calendar_risks.empty()) {
    // Lost days matter where work happens: the horizon and the years just after it.
    const std::int32_t span = std::min(table_days, net.horizon_days + 5 * 366);
    for (std::int32_t day = 0; day < span;) {
      const core::YearMonthDay ymd = (sc.start + day).ymd();
      const std::int32_t end = std::min(span, day + core::days_in_month(ymd.year, ymd.month) - ymd.day + 1);
      net.lost_day_months.push_back({day, end, ymd.month});
      day = end;
    }
  }
}

void compile_agencies(const model::Scenario& sc, const ScenarioIds& ids, Network& net) {
  for (const model::Agency& a : sc.agencies) {
    net.agency_capacity.push_back(a.capacity);
    net.agency_calendar.push_back(static_cast<std::uint16_t>(ids.calendars(a.calendar)));
    net.agency_discipline.push_back(a.discipline);
  }
}

// Each project's steps as tasks in topological order, with their spend,
// resource needs and successors (CSR, in task order). Returns each task's
// share of work still to do.
std::vector<double> compile_projects(const model::Scenario& sc, const ScenarioIds& ids,
                                     const std::vector<model::Project>& projects, const std::vector<TemplatePlan>& plans,
                                     Network& net) {
  std::vector<double> task_remaining;
  // The scenario's projects, then the slots of arrival streams (projects that
  // may enter during the horizon; each replication activates those that do).
  std::vector<double> remaining;
  for (std::uint32_t pi = 0; pi < projects.size(); ++pi) {
    const model::Project& p = projects[pi];
    const std::uint32_t ti = ids.templates(p.template_id);
    const model::Template& t = sc.templates[ti];
    const TemplatePlan& plan = plans[ti];
    const auto base = static_cast<std::uint32_t>(net.tasks.size());
    net.project_begin.push_back(base);
    net.project_template.push_back(ti);
    net.project_ready.push_back(pi >= net.fixed_projects ? std::numeric_limits<double>::infinity()
                                : p.ready ? std::max(0, *p.ready - sc.start) : 0.0);
    net.project_key.push_back(p.project_class == model::ProjectClass::key);
    net.project_investment.push_back(p.investment);
    net.project_hash.push_back(core::hash_name(p.id));

    apply_state(p, t, plan, remaining);
    double weight = 0;
    bool under_construction = false;
    for (std::size_t s = 0; s < t.steps.size(); ++s)
      if (t.steps[s].type == model::StepType::construction) {
        weight += t.steps[s].share * remaining[s];
        under_construction |= remaining[s] < 1.0;
      }
    net.project_under_construction.push_back(under_construction);
    const double money_left = p.investment - p.completed_investment();

    for (std::uint32_t s : plan.order) {
      const model::Step& step = t.steps[s];
      Task task;
      task.project = pi;
      task.agency = step.agency.empty() ? kNoAgency : ids.agencies(step.agency);
      task.calendar = static_cast<std::uint16_t>(ids.calendars(step.calendar));
      task.step = static_cast<std::uint16_t>(s);
      task.type = step.type;
      task.done_at_start = remaining[s] == 0.0;
      task.before_construction = plan.before_construction[s];
      task.skipped = !task.done_at_start && std::find(p.state.skip.begin(), p.state.skip.end(), step.id) != p.state.skip.end();
      if (!p.state.under_way.empty() && step.id == p.state.under_way && !task.done_at_start && !task.skipped)
        net.under_way.push_back({static_cast<std::uint32_t>(net.tasks.size()), p.state.worked,
                                 clock_before_start(sc, step, p.state)});
      net.tasks.push_back(task);
      task_remaining.push_back(remaining[s]);
      const bool spends = step.type == model::StepType::construction && weight > 0;
      net.spend.push_back(spends ? money_left * step.share * remaining[s] / weight : 0.0);
      net.need_begin.push_back(static_cast<std::uint32_t>(net.need_agency.size()));
      for (const model::ResourceNeed& need : task.skipped ? std::vector<model::ResourceNeed>{} : step.needs) {
        net.need_agency.push_back(ids.agencies(need.agency));
        net.need_amount.push_back(need.amount);
      }
    }
    // Successor lists in CSR form, in task order.
    std::vector<std::vector<std::pair<std::uint32_t, double>>> succ(t.steps.size());
    for (std::size_t e = 0; e < plan.edges.size(); ++e) {
      const auto [from, to] = plan.edges[e];
      succ[plan.position[from]].emplace_back(base + plan.position[to], plan.edge_fraction[e]);
    }
    for (auto& list : succ) {
      std::sort(list.begin(), list.end());
      net.succ_begin.push_back(static_cast<std::uint32_t>(net.succ.size()));
      for (const auto& [to, f] : list) {
        if (f < 1) net.overlap_edges.push_back(static_cast<std::uint32_t>(net.succ.size()));
        net.succ.push_back(to);
        net.succ_fraction.push_back(static_cast<float>(f));
      }
    }
  }
  net.project_begin.push_back(static_cast<std::uint32_t>(net.tasks.size()));
  net.succ_begin.push_back(static_cast<std::uint32_t>(net.succ.size()));
  net.need_begin.push_back(static_cast<std::uint32_t>(net.need_agency.size()));
  return task_remaining;
}

// Predecessors still to finish (a finished task releases nobody), and the
// tasks ready at the start, in the order their projects become ready.
void compile_ready_set(Network& net) {
  // Predecessors still to finish; a finished task releases nobody.
  net.pred_count.assign(net.tasks.size(), 0);
  for (std::uint32_t t = 0; t < net.task_count(); ++t)
    if (!net.tasks[t].done_at_start)
      for (std::uint32_t i = net.succ_begin[t]; i < net.succ_begin[t + 1]; ++i) ++net.pred_count[net.succ[i]];
  for (std::uint32_t p = 0; p < net.fixed_projects; ++p)
    for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t)
      if (!net.tasks[t].done_at_start && net.pred_count[t] == 0) net.initial_tasks.push_back(t);
  for (std::uint32_t t = 0; t < net.task_count(); ++t)
    if (net.tasks[t].done_at_start) net.finished_at_start.push_back(t);
  // Steps under way come first at day 0, those in review before those
  // queued, the queue in filing order: agencies begin with their real load.
  std::stable_sort(net.under_way.begin(), net.under_way.end(), [](const Network::UnderWay& a, const Network::UnderWay& b) {
    return (a.worked > 0) != (b.worked > 0) ? a.worked > 0 : a.clock_before > b.clock_before;
  });
  std::vector<std::uint32_t> rank(net.tasks.size(), UINT32_MAX);
  for (std::uint32_t i = 0; i < net.under_way.size(); ++i) rank[net.under_way[i].task] = i;
  std::stable_sort(net.initial_tasks.begin(), net.initial_tasks.end(), [&](std::uint32_t a, std::uint32_t b) {
    const double ra = net.project_ready[net.tasks[a].project], rb = net.project_ready[net.tasks[b].project];
    return ra != rb ? ra < rb : rank[a] < rank[b];
  });
}

}  // namespace

Network compile(const model::Scenario& sc) {
  model::Diagnostics diag;
  const ScenarioIds ids(sc);
  Network net;
  compile_periods(sc, net);
  compile_calendars(sc, net, diag);
  compile_agencies(sc, ids, net);
  std::vector<TemplatePlan> plans;
  for (const model::Template& t : sc.templates) plans.push_back(plan_template(t, diag));
  diag.throw_if_errors();

  // The scenario's projects, then the slots of arrival streams (projects that
  // may enter during the horizon; each replication activates those that do).
  const std::vector<model::Project> projects = with_arrival_slots(sc, net);
  net.remaining = compile_projects(sc, ids, projects, plans, net);
  pack_for_engine(sc, ids, net);
  compile_land(sc, ids, projects, net);
  compile_risks(sc, ids, projects, net, diag);
  diag.throw_if_errors();
  pack_risks_for_engine(net);
  compile_ready_set(net);
  release_spare_memory(net);
  return net;
}

}  // namespace kpsim::engine
