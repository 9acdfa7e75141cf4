// The compiled scenario: dense ids and flat arrays for the hot loop. Built
// once, immutable, shared by every replication.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/date.hpp"
#include "sim/core/distribution.hpp"
#include "sim/core/large_array.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::engine {

inline constexpr std::uint32_t kNoAgency = std::numeric_limits<std::uint32_t>::max();
// The most predecessors a task may wait for: the engine keeps the count in
// 24 bits of its task record (a template step names at most its template's
// other steps, so a scenario reaches this only with 16 million steps).
inline constexpr std::uint32_t kMaxPredecessors = (1u << 24) - 1;
// A template's steps (Task::step, TaskHot::succ_count), one step's
// resource needs (TaskHot::need_count) and the risks that may strike one
// task (TaskHot::risk_count) are counted in 16 bits of the task's records
// (checked against the fields below them).
inline constexpr std::uint32_t kMaxTemplateSteps = std::numeric_limits<std::uint16_t>::max();
inline constexpr std::uint32_t kMaxNeeds = std::numeric_limits<std::uint16_t>::max();
inline constexpr std::uint32_t kMaxRisksPerTask = std::numeric_limits<std::uint16_t>::max();

struct Task {
  std::uint32_t project = 0;
  std::uint32_t agency = kNoAgency;
  std::uint16_t calendar = 0;
  std::uint16_t step = 0;  // index of the step in its template (for names)
  model::StepType type = model::StepType::approval;
  bool done_at_start = false;  // finished before the start date
  bool before_construction = false;  // an approval/land step that construction waits for
  bool skipped = false;  // not needed by this project (区域评估): passes as soon as it is ready
};

// A risk as the engine applies it to the tasks it may strike.
struct RiskRule {
  model::RiskEffect effect = model::RiskEffect::delay;
  double probability = 0;
  core::Distribution amount;
  double until_day = 0;                 // pause_until
  double from_day = -std::numeric_limits<double>::infinity();  // window on the ready time: [from, to)
  double to_day = std::numeric_limits<double>::infinity();
  std::int32_t copula = -1;
  std::uint64_t hash = 0;
};

// Correlated latent factors, one per member: factor = L · independent normals.
struct CopulaFactors {
  std::uint32_t members = 0;
  std::vector<double> cholesky;  // members × members, row-major, lower triangular
  double loading = 1;
  std::uint64_t hash = 0;
};

// Random lost working days on a calendar, for the months in `months_mask`.
struct CalendarRisk {
  std::uint16_t calendar = 0;
  std::uint16_t months_mask = 0;  // bit m-1 for month m
  core::Distribution per_month;
  std::uint64_t hash = 0;
};

// A calendar's restart points (复工) and how each project's site resumes.
struct CalendarRestart {
  std::vector<double> points;  // sorted days on which work could resume
  core::Distribution lag;
  core::RampSpec ramp;
  std::uint64_t hash = 0;
};

// A calendar month of the simulated span, for drawing lost days.
struct MonthSpan {
  std::int32_t begin = 0, end = 0;  // days since the origin, end exclusive
  int month = 1;                    // 1 … 12
};

// The project slots of one arrival stream: [first_project, first_project + count).
struct ArrivalSlots {
  std::uint32_t first_project = 0, count = 0;
  double rate_per_day = 0;            // Poisson; 0 when dates are listed
  double from_day = 0, to_day = 0;    // window, to exclusive
  std::vector<double> dates;
  core::Distribution investment, land_mu;
  std::uint64_t hash = 0;
};

struct LandTranche {
  double day = 0;
  double mu = 0;
  std::uint32_t pool = 0;
};

// What the engine reads for every event of a task, packed into one 32-byte
// record aligned to its size (the per-task arrays above it stay for
// compile, CPM and reports): an event then touches one cache line of static
// data instead of one in each of a dozen arrays (the engine's workspace
// keeps a copy beside each task's working state, one line for both). What
// is the same for all tasks of a template step (durations, limits, stream
// keys, calendar, type) sits in a small shared table (StepRule).
struct alignas(32) TaskHot {
  std::uint32_t project = 0;
  std::uint32_t rule = 0;        // index into Network::rules
  std::uint32_t succ_begin = 0, risk_begin = 0;
  // The first resource it holds (its agency), so that a step holding one
  // resource never reads the need lists.
  std::uint32_t primary = kNoAgency;
  // Holding one resource: how many units of `primary`. Holding several:
  // where its list begins in Network::need_agency and need_amount.
  std::uint32_t need_at = 0;
  std::uint16_t succ_count = 0, need_count = 0, risk_count = 0;
  std::uint8_t flags = 0;  // kSkipped, kOverlapOut, kChainsToNext, kPartlyDone

  std::uint32_t primary_amount() const { return need_at; }  // need_count == 1
  std::uint32_t need_begin() const { return need_at; }      // need_count > 1

  static constexpr std::uint8_t kSkipped = 1;     // the project does not need this step: it passes at once
  static constexpr std::uint8_t kOverlapOut = 2;  // a successor may start before this task finishes
  // Its one successor is the next task, which waits for nothing else: the
  // finish releases it without reading the edge list or its pending count
  // (both cache misses at portfolio scale).
  static constexpr std::uint8_t kChainsToNext = 4;
  static constexpr std::uint8_t kPartlyDone = 8;  // part of its work was done before the start (Network::remaining)
};
static_assert(sizeof(TaskHot) == 32);
template <class Field>
constexpr bool holds(std::uint32_t most) { return most <= std::numeric_limits<Field>::max(); }
static_assert(holds<decltype(Task::step)>(kMaxTemplateSteps - 1) && holds<decltype(TaskHot::succ_count)>(kMaxTemplateSteps - 1));
static_assert(holds<decltype(TaskHot::need_count)>(kMaxNeeds) && holds<decltype(TaskHot::risk_count)>(kMaxRisksPerTask));

// A distribution with the hash of the step id that keys its random stream.
struct KeyedDistribution {
  core::Distribution dist;
  std::uint64_t hash = 0;
};

// How long a step takes and how its time counts (see step_work.hpp).
struct StepRule {
  core::Distribution duration;  // on the statutory clock (unless merged from parts)
  double limit = std::numeric_limits<double>::infinity();
  double cap = std::numeric_limits<double>::infinity();  // on-clock durations truncated here
  std::uint64_t step_hash = 0;
  std::uint32_t part_begin = 0, part_count = 0;    // merged parts in Network::rule_parts
  std::uint32_t phase_begin = 0, phase_count = 0;  // off-clock phases in Network::rule_phases
  model::Combine combine = model::Combine::longest;
  bool has_effort = false;  // the agency is held for `effort` only
  bool owner_work = false;  // a preparation step: all its time is off the statutory clock
  bool deemed = false;      // approved when the statutory clock reaches the limit
  core::Distribution effort;
  double priority = 0;      // rank at agencies with the priority discipline
  std::uint32_t step = 0;   // the step's index in its template: ties of equal priority
  std::uint16_t calendar = 0;
  model::StepType type = model::StepType::approval;
};

struct Network {
  core::Date origin;           // day 0 = the scenario's start date
  std::int32_t horizon_days = 0;

  // Calendar months of the horizon, for per-month agency statistics: month m
  // is [month_begin[m], month_begin[m + 1]); month_of_day[d] for d in it.
  std::vector<std::int32_t> month_begin;
  std::vector<std::uint16_t> month_of_day;

  std::vector<core::Calendar> calendars;
  std::vector<CalendarRisk> calendar_risks;
  // Per calendar: its restart rule's index in `restarts`, −1 if none.
  std::vector<std::int32_t> calendar_restart;
  std::vector<CalendarRestart> restarts;
  std::vector<MonthSpan> lost_day_months;  // the horizon and five years after it

  std::vector<int> agency_capacity;
  std::vector<std::uint16_t> agency_calendar;
  std::vector<model::Discipline> agency_discipline;

  // Tasks: each project's tasks are contiguous and in topological order, so
  // every precedence edge goes from a lower to a higher task index.
  std::vector<Task> tasks;
  core::LargeArray<TaskHot> hot;                 // the engine's packed view, one per task
  std::vector<double> remaining;              // share of each task's work still to do at the start (1: all)
  std::vector<StepRule> rules;                // one per template step
  std::vector<KeyedDistribution> rule_parts, rule_phases;
  std::vector<double> spend;                  // money the task turns into investment from now on
  std::vector<std::uint32_t> succ_begin;      // CSR: successors of t are succ[succ_begin[t] .. succ_begin[t+1])
  core::LargeArray<std::uint32_t> succ;
  std::vector<float> succ_fraction;           // per edge: 1 = finish-to-start, f < 1 = start when the predecessor is f done
  std::vector<std::uint32_t> overlap_edges;   // edges with f < 1, ascending
  core::LargeArray<std::uint32_t> pred_count;      // predecessors not finished at the start date
  // Steps in progress at the start date (Project::state.under_way), those in
  // review first: each is ready at day 0 with `worked` working days of it
  // done and `clock_before` statutory working days already on its clock.
  struct UnderWay {
    std::uint32_t task = 0;
    double worked = 0, clock_before = 0;
  };
  std::vector<UnderWay> under_way;
  std::vector<std::uint32_t> initial_tasks;   // of the scenario's projects: ready at once, by (ready day, task)
  std::vector<std::uint32_t> finished_at_start;  // tasks done before the start date, ascending
  std::vector<std::uint32_t> need_begin;      // CSR: resources task t holds while it runs (compile only; then in `hot`)
  std::vector<std::uint32_t> need_agency;
  std::vector<int> need_amount;
  std::vector<std::uint32_t> risk_begin;      // CSR: risks that may strike task t (compile only; then in `hot`)
  std::vector<std::uint32_t> task_risk;

  std::vector<LandTranche> land_releases;     // every pool's releases, by day
  std::vector<model::Discipline> pool_discipline;
  std::vector<std::int32_t> project_pool;     // -1: the project needs no land grant
  std::vector<double> project_land;           // 亩

  std::vector<RiskRule> risks;
  std::vector<CopulaFactors> copulas;
  std::vector<std::int32_t> project_member;   // [copula × projects + project]: member index, -1 if none

  // Projects: the scenario's first, then arrival slots (ready = +infinity
  // until a replication activates them; spend per unit of investment).
  std::uint32_t fixed_projects = 0;
  std::vector<ArrivalSlots> arrivals;
  std::vector<std::uint32_t> project_begin;   // tasks of p: [project_begin[p], project_begin[p+1])
  std::vector<std::uint32_t> project_template;
  std::vector<double> project_ready;          // day the project may begin (0 = at start)
  std::vector<bool> project_under_construction;  // 续建: construction began before the start date
  std::vector<std::uint8_t> project_key;      // key project: served first where discipline is key_first
  std::vector<std::uint64_t> project_hash;    // hash of the project id: keys random streams
  std::vector<double> project_investment;     // total (arrival slots: 1, scaled per replication)
  // The scenario's projects' targets, as the day the target falls on (kNoTarget: none).
  static constexpr std::int32_t kNoTarget = INT32_MAX;
  std::vector<std::int32_t> start_target_day, completion_target_day;

  std::uint32_t month_count() const { return static_cast<std::uint32_t>(month_begin.size() - 1); }

  std::uint32_t task_count() const { return static_cast<std::uint32_t>(tasks.size()); }
  // The memory of its per-task arrays (small per-agency and per-rule tables
  // left out); Simulator::task_bytes gives a replication's.
  std::size_t task_bytes() const {
    using core::capacity_bytes;
    return capacity_bytes(tasks) + capacity_bytes(hot) + capacity_bytes(spend) + capacity_bytes(succ_begin) + capacity_bytes(succ) +
           capacity_bytes(succ_fraction) + capacity_bytes(pred_count) + capacity_bytes(need_begin) + capacity_bytes(need_agency) +
           capacity_bytes(need_amount) + capacity_bytes(risk_begin) + capacity_bytes(task_risk);
  }
  std::uint32_t project_count() const { return static_cast<std::uint32_t>(project_ready.size()); }
};

}  // namespace kpsim::engine
