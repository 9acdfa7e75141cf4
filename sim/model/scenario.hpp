// The scenario as plain, validated data: what the planner described, with
// names (not ids) and the source location of everything an error may cite.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/date.hpp"
#include "sim/core/distribution.hpp"
#include "sim/core/site_time.hpp"
#include "sim/model/input_error.hpp"
#include "sim/model/policy.hpp"

namespace kpsim::model {

// Working days lost at random in given calendar months (rain, heavy-pollution
// alerts 重污染预警): a count drawn per month and replication, shared by every
// task on the calendar in that replication.
struct LostDays {
  std::string name;
  std::vector<int> months;        // 1 … 12
  core::Distribution per_month;   // rounded to whole days
};

// 复工: how sites come back after each stop that closes the calendar (and
// on listed dates, such as the end of the Spring Festival holiday): each
// project's site resumes after a lag drawn for it, then ramps back to full
// pace.
struct RestartRule {
  core::Distribution lag;        // calendar days after the restart point, per project and restart
  core::RampSpec ramp;           // pace from `from` to full over `days` working days
  std::vector<core::Date> dates;  // restart points besides the ends of closing stops
};

struct CalendarSpec {
  std::string id;
  core::WorkPattern pattern;
  std::vector<LostDays> lost_days;
  std::optional<RestartRule> restart;
  // Official holiday tables end somewhere; later dates follow the week rule.
  std::optional<core::Date> holidays_known_through;
  SourceLoc loc;
};

// fifo; key projects first, then fifo; or by each step's `priority` (lower
// first), any waiting request that fits starting (dispatching rules).
enum class Discipline : std::uint8_t { fifo, key_first, priority };

struct Agency {
  std::string id, name;
  int capacity = 1;  // parallel reviewers
  std::string calendar;
  Discipline discipline = Discipline::fifo;
  SourceLoc loc;
};

// preparation: the project owner's own work before an approval (可研编制,
// 勘察设计, 施工招标): no agency, no statutory clock, no spend.
enum class StepType : std::uint8_t { approval, land, construction, preparation };

// Units of an agency (or other resource pool) a step holds while it runs.
struct ResourceNeed {
  std::string agency;
  int amount = 1;
};

// Part of a step that does not count on the statutory clock: expert review,
// hearings, public notices, technical evaluation (专家评审、听证、公示、技术评估).
struct OffClockPhase {
  std::string name;
  core::Distribution duration;  // working days
};

// One of the steps a merged step (多评合一) was made of: it still draws its
// duration as that step did, so a merge keeps common random numbers.
struct MergedPart {
  std::string step;
  core::Distribution duration;
};

// Start-to-start with a lag (容缺受理): the step may start once `step` is
// `fraction` done instead of waiting for it to finish.
struct Overlap {
  std::string step;
  double fraction = 1;
};

// How a construction step spends over its working time: by progress u (the
// share of its working time elapsed) it has spent F(u) = I_u(a, b), the
// regularised incomplete beta function. a = b = 1 is uniform; a = b = 2 an
// S-curve (spend peaks mid-step); a < b front-loaded; a > b back-loaded.
struct SpendCurve {
  double a = 1, b = 1;
  bool uniform() const { return a == 1 && b == 1; }
};

struct Step {
  std::string id, name;
  StepType type = StepType::approval;
  std::string stage;     // e.g. 立项用地规划许可; used to select steps in policies
  std::string agency;    // empty for construction
  std::vector<ResourceNeed> needs;  // the agency first (amount 1 unless `needs` says), then others
  std::string calendar;  // resolved: step's own, else agency's, else template's
  core::Distribution duration;  // working days of `calendar`
  std::optional<double> limit;  // statutory limit (法定时限), working days
  std::vector<std::string> after;  // predecessors within the template
  double share = 0;       // share of the project's investment (construction only)
  std::string milestone;  // milestone reached when the step finishes (正负零, 竣工, …)
  SpendCurve curve;       // construction only
  // What policies add (they can also be written by hand):
  std::optional<double> cap;  // on-clock durations are truncated here (a compressed limit)
  // Reviewer working days the step holds its agency for; by default all its
  // on-clock work. Compressing statutory days does not shrink it.
  std::optional<core::Distribution> effort;
  std::vector<OffClockPhase> off_clock;  // after the on-clock work, holding the agency
  std::vector<MergedPart> parts;         // a merged step: its duration combines these
  Combine combine = Combine::longest;
  std::vector<Overlap> overlaps;         // predecessors (also in `after`) it may overlap
  bool deemed = false;  // 超时默认: approved when its statutory clock reaches the limit
  double priority = 0;  // where its agency's discipline is `priority`: lower goes first
  SourceLoc loc;
};

// 投资构成: completed investment as the statistics bureau counts it has three
// parts. 建筑安装工程 (construction and installation) is spent over the
// construction steps; the other two have timings of their own.
enum class SpendTiming : std::uint8_t {
  with_step,  // over a step's span, on `calendar` (equipment bought alongside installation)
  at_step,    // when a step finishes (a milestone payment)
  at_land,    // when the land is transferred: the project's last land step finishes
  spread,     // evenly over the project's construction, first start to last finish
};

struct SpendPart {
  double share = 0;  // of the project's investment
  SpendTiming timing = SpendTiming::spread;
  std::string step;      // with_step, at_step
  std::string calendar;  // with_step, spread: the days it is spent on; empty: every day (no winter stop)
  SpendCurve curve;      // with_step
  SourceLoc loc;
};

struct Composition {
  SpendPart equipment;  // 设备工器具购置
  SpendPart other;      // 其他费用 (land purchase, fees)
  double construction_share() const { return 1 - equipment.share - other.share; }
};

struct Template {
  std::string id, name;
  std::string family;  // the template it was derived from by a policy (itself if none): risks match on it
  std::vector<Step> steps;
  Composition composition;  // default: everything is construction and installation
  // Its statutory full-process total (statutory_total.hpp) before any policy
  // acted, kept for the reports; the copies a policy derives carry it.
  std::optional<double> statutory_before;
  SourceLoc loc;

  const Step* find_step(std::string_view step_id) const;
};

enum class ProjectClass : std::uint8_t { key, normal };
enum class ProjectKind : std::uint8_t { government, enterprise, industrial };

struct ProjectState {
  std::vector<std::string> done;  // steps finished before the start date (and all they depend on)
  double progress = 0;            // share of construction (by investment share) already built
  std::optional<double> completed_investment;  // default: progress × investment
  std::vector<std::string> skip;  // steps the project does not need (区域评估 done for its zone)
  // The step in progress at the start date (its predecessors are done): filed
  // (受理) on a date and waiting in the agency's queue, or already `worked`
  // working days in review, so that agencies begin the year with their load.
  std::string under_way;
  std::optional<core::Date> filed;
  double worked = 0;
};

struct Project {
  std::string id, name;
  std::string template_id;
  ProjectClass project_class = ProjectClass::normal;
  ProjectKind kind = ProjectKind::government;
  std::string level;     // 省重点 / 市重点 …, free text
  std::string district;
  std::string zone;       // development zone or industrial park (园区), for zone-wide assessments
  double investment = 0;  // total, in the scenario's money unit
  double land_mu = 0;     // land need, 亩
  std::string land_pool;  // the quota it draws on (default: the first pool)
  std::optional<core::Date> ready;  // enters the pipeline on this date
  std::optional<core::Date> start_target, completion_target;
  std::optional<core::Date> registered;  // 入库: month it entered the statistics system (if known)
  std::optional<double> plan;            // this year's planned investment (年度计划投资)
  std::string category;                  // 续建 / 新开工 / 竣工 / 前期 … (default: from its state)
  ProjectState state;
  std::optional<double> statutory_before;  // what was left of its statutory total before any policy
  SourceLoc loc;

  double completed_investment() const { return state.completed_investment.value_or(state.progress * investment); }
};

// New projects entering during the horizon (signed investment-attraction
// projects): at a Poisson rate or on listed dates, from a template, with
// investment and land need drawn per project.
struct ArrivalStream {
  std::string id, name;
  std::string template_id;
  ProjectClass project_class = ProjectClass::normal;
  ProjectKind kind = ProjectKind::industrial;
  std::string district;
  std::string zone;
  std::vector<std::string> skip;    // steps its projects do not need (区域评估)
  std::optional<double> per_month;  // Poisson rate; or
  std::vector<core::Date> dates;    // listed dates
  core::Date from, to;              // the window for a Poisson stream (inclusive)
  core::Distribution investment;
  core::Distribution land_mu;
  std::string land_pool;
  SourceLoc loc;
};

// A land quota (用地指标) released in tranches; granted to waiting projects
// in priority order, each getting its whole need or waiting.
struct LandRelease {
  core::Date date;
  double mu = 0;
};

struct LandPool {
  std::string id, name;
  Discipline discipline = Discipline::key_first;  // 年度用地指标优先保障重点项目
  std::vector<LandRelease> releases;
  SourceLoc loc;
};

// A risk: with `probability` it strikes a step when the step becomes ready.
enum class RiskEffect : std::uint8_t {
  delay,        // extra working days on the step (amount)
  rework,       // the step is done again once it finishes (a fresh duration)
  stall,        // construction starts but stands idle for `amount` working days (开而不动)
  pause_until,  // the step cannot begin before `until` (资金不到位)
};

// Which steps a risk can strike; every given criterion must hold.
struct RiskTarget {
  std::string step;       // step id, in any template that has it
  std::string milestone;  // or: the step that reaches this milestone
  std::optional<StepType> type;
  std::vector<std::string> templates;
  std::optional<ProjectKind> kind;
  std::optional<ProjectClass> project_class;
  std::optional<core::Date> from, to;  // the step becomes ready inside this window (inclusive)
};

struct Risk {
  std::string id, name;
  RiskTarget target;
  double probability = 0;
  RiskEffect effect = RiskEffect::delay;
  core::Distribution amount;  // delay and stall: working days
  core::Date until;           // pause_until
  std::string copula;         // correlated through this copula, if any
  SourceLoc loc;
};

// Risk occurrences correlated across projects grouped by a project field:
// each member (e.g. a district) has a latent normal factor, correlated
// between members by `matrix`; an occurrence's latent is
// sqrt(loading)·factor + sqrt(1 − loading)·own noise.
struct Copula {
  std::string id;
  std::string by;  // district, kind, class, template or level
  std::vector<std::string> members;
  std::vector<std::vector<double>> matrix;
  double loading = 1;
  SourceLoc loc;
};

// How the statistics bureau counts completed fixed-asset investment (统计口径):
// only projects of at least `min_investment` (5 million yuan), only from the
// month they are registered (先入库，后有数), and no January release — the
// first figure of a year is January and February together.
struct StatisticsRules {
  double min_investment = 0;        // in the scenario's money unit
  int registration_lag_months = 0;  // registered this many months after the start month, unless given
  bool combine_jan_feb = true;
  SourceLoc loc;
};

// Calendar tables cover the horizon and this many days after it; dates in a
// scenario must fall before their end.
inline constexpr std::int32_t kCalendarTailDays = 25 * 366;

struct Scenario {
  int schema = 1;
  std::string name;
  std::string file;  // where it was read from, for messages
  core::Date start, end;  // end inclusive
  std::string money_unit = "亿元";
  std::uint64_t seed = 1;
  int replications = 1;
  std::optional<double> annual_plan;  // the year's investment plan, for "时间过半任务过半"
  std::optional<StatisticsRules> statistics;  // report on the statistics bureau's basis
  double at_risk_threshold = 0.2;     // list projects missing a target with at least this probability
  // Projects whose own steps, start and completion the sensitivity table
  // also follows (report: {sensitivity: [ids]}), as project indices.
  std::vector<std::uint32_t> sensitivity_projects;

  std::vector<CalendarSpec> calendars;
  std::vector<Agency> agencies;
  std::vector<LandPool> land_pools;
  std::vector<Template> templates;
  std::vector<Project> projects;
  std::vector<ArrivalStream> arrivals;
  std::vector<Risk> risks;
  std::vector<Copula> copulas;
  std::vector<Policy> policies;  // to apply, in order (policy::apply_policies)
  std::vector<std::string> applied_policies;  // labels of those applied
  std::vector<std::string> policy_effects;    // per applied policy: what it changed, in words
  std::vector<Diagnostic> warnings;

  std::int32_t horizon_days() const { return end - start + 1; }
  core::Date last_table_day() const { return end + kCalendarTailDays; }
  const CalendarSpec* find_calendar(std::string_view id) const;
  const Agency* find_agency(std::string_view id) const;
  const Template* find_template(std::string_view id) const;
  const LandPool* find_land_pool(std::string_view id) const;
};

// Steps a project has finished at the start: its `done` list and everything
// those depend on.
std::set<std::string> done_closure(const Template& t, const std::vector<std::string>& done);
// The same with the steps its construction progress implies (the
// predecessors of every construction step the progress reaches).
std::set<std::string> done_at_start(const Template& t, const Project& p);

std::string_view to_string(StepType t);
std::string_view to_string(ProjectClass c);
std::string_view to_string(ProjectKind k);
std::string_view to_string(Discipline d);
std::string_view to_string(RiskEffect e);
// The value of a project's grouping field for copulas ("district", "kind", …).
std::string project_field(const Project& p, std::string_view field);

}  // namespace kpsim::model
