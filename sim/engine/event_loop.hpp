// The engine's event loop: one replication of a network, event after event.
// A class template, compiled twice — for every network, and for plain ones
// (simulate.cpp: is_plain), where each test of the rarer machinery below is
// false at compile time and vanishes. Each instance is compiled in a file of
// its own (event_loop_general.cpp, event_loop_plain.cpp): in one file the
// two shared the compiler's inlining budget, and the general one lost 2.7%
// to calls no longer inlined. Only the engine's own files include this.
#pragma once

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>

#include "sim/core/rng.hpp"
#include "sim/core/sample.hpp"
#include "sim/engine/cpm.hpp"
#include "sim/engine/replication_inputs.hpp"
#include "sim/engine/restart.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/engine/step_work.hpp"
#include "sim/engine/workspace.hpp"

namespace kpsim::engine {

// One replication of `net` into r, on the engine for every network
// (kGeneral) or the one for plain networks.
template <bool kGeneral>
void run_event_loop(const Network& net, std::uint64_t seed, std::uint32_t replication, const SimSettings& settings,
                    Replication& r, Workspace& w);
extern template void run_event_loop<true>(const Network&, std::uint64_t, std::uint32_t, const SimSettings&, Replication&, Workspace&);
extern template void run_event_loop<false>(const Network&, std::uint64_t, std::uint32_t, const SimSettings&, Replication&, Workspace&);

namespace event_loop {

enum EventKind : std::uint16_t {
  kReady = 1, kFinish = 2, kResume = 3, kLandRelease = 4,
  kPartial = 5,   // an overlap edge releases its successor (target: the edge)
  kRelease = 6,   // the agency's reviewers are done; the step goes on without them
  kDeadline = 7,  // the statutory clock may have reached a deemed-approval limit
  kDispatch = 8,  // a priority-discipline agency assigns its free units (target: the agency)
};

// Where a task is, for events that may find it anywhere (a deadline).
enum Where : std::uint8_t { kNotYet = 0, kQueued = 1, kInService = 2, kFinished = 3 };

constexpr double kNeverRan = std::numeric_limits<double>::infinity();

template <bool kGeneral>
class Engine {
 public:
  Engine(const Network& net, std::uint64_t seed, std::uint32_t replication, const SimSettings& settings,
         Replication& r, Workspace& w)
      : net_(net), seed_(seed), replication_(replication), replication_key_(core::RngStream::replication_key(seed, replication)),
        settings_(settings), r_(r), w_(w), horizon_(static_cast<double>(net.horizon_days)), tasks_(net.task_count()) {}

  void run() {
    reset();
    // Land released on a day is there for requests made that day.
    for (std::uint32_t i = 0; i < net_.land_releases.size(); ++i)
      w_.event_set.schedule(net_.land_releases[i].day, kLandRelease, i, core::Priority::urgent);
    if constexpr (kGeneral) process_events();
    else process_events_inlined();
    for (std::uint32_t a = 0; a < net_.agency_capacity.size(); ++a) note_queue(a, horizon_);
    if constexpr (!kGeneral) settle_restored_states();
    publish_trace();
    for (std::uint32_t pool = 0; pool < w_.land_waiting.size(); ++pool)
      r_.land[pool].waiting_at_end = static_cast<std::uint32_t>(w_.land_waiting[pool].size());
  }

 private:
  // The plain engine's loop with every call in it inlined (GCC's flatten):
  // a handful of calls an event fewer (RM-AP −2.7% instructions). For
  // the general engine it would cost minutes of compiling.
  [[gnu::flatten]] void process_events_inlined() { process_events(); }

  void process_events() {
    // Projects becoming ready form a stream sorted by (day, task) that is
    // merged with the event set rather than pushed into it: the heap then
    // holds only work in progress, not every project of the portfolio.
    // Order is as if each had been scheduled first: after urgent events of
    // the same moment, before normal ones.
    const auto& fixed = net_.initial_tasks;
    const auto& slots = w_.slot_starts;
    const std::size_t fixed_count = fixed.size(), slot_count = slots.size();
    std::size_t i = 0, j = 0;
    for (;;) {
      if (i < fixed_count || j < slot_count) {
        const bool from_fixed = i < fixed_count &&
                                (j == slot_count || std::pair{r_.project_ready[hot_of(fixed[i]).project], fixed[i]} <
                                                          std::pair{slots[j].first, slots[j].second});
        const std::uint32_t t = from_fixed ? fixed[i] : slots[j].second;
        const double when = from_fixed ? r_.project_ready[hot_of(t).project] : slots[j].first;
        if (w_.event_set.empty() || when < w_.event_set.top_time() ||
            (when == w_.event_set.top_time() && w_.event_set.top_priority() != core::Priority::urgent)) {
          from_fixed ? ++i : ++j;
          if (from_fixed && i + kReadyLookahead < fixed_count) warm_task(fixed[i + kReadyLookahead], false);
          ++r_.events;
          on_ready(t, when);
          continue;
        }
      }
      if (w_.event_set.empty()) break;
      const core::Event e = w_.event_set.pop();
      warm_next_event();
      ++r_.events;
      if constexpr (!kGeneral) {  // a plain network's events: nothing else is scheduled
        assert(e.kind == kReady || e.kind == kFinish);
        if (e.kind == kFinish) on_finish(e.target, e.time);
        else on_ready(e.target, e.time);
      } else {
        switch (e.kind) {
          case kReady: on_ready(e.target, e.time); break;
          case kFinish: on_finish(e.target, e.time); break;
          case kResume: request(e.target, e.time); break;
          case kLandRelease: on_land_release(e.target, e.time); break;
          case kPartial: on_partial(e.target, e.time); break;
          case kRelease: if (state_of(e.target).holding) release(e.target, e.time); break;
          case kDeadline: on_deadline(e.target, e.time); break;
          case kDispatch: w_.dispatch_due[e.target] = 0, dispatch(e.target, e.time); break;
          default: assert(false && "unknown event kind");
        }
      }
    }
  }

  // Idle days and off-clock paths, which few tasks have: those of the cold
  // records used, sorted by task. (Start, finish and ready times are in the
  // trace already: written as they arose.)
  void publish_trace() {
    std::vector<Trace::Extra>& extras = r_.trace.extras;
    extras.clear();
    for (std::size_t i = 1; i < w_.cold.size(); ++i)  // the pool in the order of cold_used: no task's state read
      if (const Workspace::TaskCold& c = w_.cold[i]; c.idle > 0 || c.off_path > 0) extras.push_back({w_.cold_used[i - 1], c.idle, c.off_path});
    std::sort(extras.begin(), extras.end(), [](const Trace::Extra& a, const Trace::Extra& b) { return a.task < b.task; });
  }

  // The records the next event will read, fetched while this one is done:
  // at portfolio scale each is a cache miss otherwise. A finishing task's
  // successor is most often the next task of its project. (Fetching those
  // of the two events that may follow it too, the top's children, cost
  // instructions and gained nothing measurable.)
  void warm_next_event() const {
    if (w_.event_set.empty()) return;
    const core::Event next = w_.event_set.top();
    if (next.kind == kFinish || next.kind == kReady || next.kind == kResume) warm_task(next.target, next.kind == kFinish);
  }
  // A task's record and its times, for writing: an event on a task writes
  // one of them. The plain engine's state is in its times' half-line; the
  // general engine's shares a line with its record.
  void warm_task(std::uint32_t t, bool and_next) const {
    __builtin_prefetch(&hot_of(t));
    if (and_next && t + 1 < tasks_) __builtin_prefetch(&hot_of(t + 1));
    __builtin_prefetch(&r_.trace.times[t], 1);
  }
  // How far ahead the stream of ready projects is fetched (all 10⁶ projects
  // of RM-AP enter through it: ×1.07 there, alternating pairs).
  static constexpr std::size_t kReadyLookahead = 8;

  // A task's packed record and its working state: one cache line for the
  // general engine; the network's record and 4 bytes beside its times for
  // the plain one.
  using State = std::conditional_t<kGeneral, Workspace::TaskState, Workspace::PlainTaskState>;
  const TaskHot& hot_of(std::uint32_t t) const {
    if constexpr (kGeneral) return w_.task[t].hot;
    else return net_.hot[t];
  }
  State& state_of(std::uint32_t t) {
    if constexpr (kGeneral) return w_.task[t].state;
    else return r_.trace.times[t].plain;
  }
  const State& state_of(std::uint32_t t) const {
    if constexpr (kGeneral) return w_.task[t].state;
    else return r_.trace.times[t].plain;
  }

  // A task's cold record, made on first use (a pool: index 0 means none).
  // Plain networks need none.
  Workspace::TaskCold& cold(std::uint32_t t) {
    if constexpr (kGeneral) {
      Workspace::TaskState& st = state_of(t);
      if (!st.cold) {
        st.cold = static_cast<std::uint32_t>(w_.cold.size());
        w_.cold.emplace_back();
        w_.cold_used.push_back(t);
      }
      return w_.cold[st.cold];
    } else {
      assert(false && "a plain network has no cold records");
      return w_.cold[0];
    }
  }
  Workspace::TaskCold& cold_of(std::uint32_t t) { return w_.cold[cold_index(t)]; }
  std::uint32_t cold_index(std::uint32_t t) const {
    if constexpr (kGeneral) return state_of(t).cold;
    else return 0;
  }

  // What the general state keeps and a plain network's task has elsewhere:
  // it asks for its agency when it becomes ready, holds it from its start
  // to its finish, and is begun once.
  double requested_at(std::uint32_t t) const {
    if constexpr (kGeneral) return state_of(t).requested;
    else return r_.trace.times[t].ready;
  }
  double service_begin_of(std::uint32_t t) const {
    if constexpr (kGeneral) return state_of(t).service_begin;
    else return r_.trace.times[t].start;
  }
  bool holding(std::uint32_t t) const {
    if constexpr (kGeneral) return state_of(t).holding;
    else return holds_resources(t);
  }
  std::uint32_t attempt_of(std::uint32_t t) const {
    if constexpr (kGeneral) return state_of(t).attempt;
    else return 0;
  }
  // Its project's stream key: in the general state, beside the record.
  std::uint64_t stream_key(std::uint32_t t) const {
    if constexpr (kGeneral) return state_of(t).key;
    else return w_.project_key[hot_of(t).project];
  }
  // 受理 of a filed step (TaskState::filed).
  double filed_at(std::uint32_t t) const {
    const Workspace::TaskState& st = state_of(t);
    return st.attempt == 0 ? st.requested : w_.cold[st.cold].filed;
  }

  void reset() {
    std::fill(r_.risk_hits.begin(), r_.risk_hits.end(), 0);
    std::fill(r_.land.begin(), r_.land.end(), LandStats{});
    std::fill(w_.land_available.begin(), w_.land_available.end(), 0.0);
    for (auto& w : w_.land_waiting) w.clear();
    std::fill(w_.land_state.begin(), w_.land_state.end(), LandState::not_asked);
    std::fill(w_.land_waiters.begin(), w_.land_waiters.end(), Workspace::TaskRange{});
    draw_replication_inputs(net_, seed_, replication_, r_, w_);
    for (std::uint32_t p = 0; p < w_.project_key.size(); ++p) w_.project_key[p] = project_key(replication_key_, net_.project_hash[p]);
    if constexpr (!kGeneral) w_.run_parity ^= 1;
    // Sequential passes, unless the last plain run restored what they set
    // (settle_restored_states).
    if (kGeneral || !w_.states_restored) {
      for (std::uint32_t t = 0; t < tasks_; ++t) {
        r_.trace.times[t] = Trace::Times{0, kNeverRan, kNeverRan, {}};
        state_of(t) = initial_state(t);  // the plain one: in the record just written
      }
    }
    w_.states_restored = false;
    finished_ = 0;
    mark_finished_at_start();
    r_.trace.extras.clear();
    w_.cold_used.clear();
    w_.cold.assign(1, Workspace::TaskCold{});
    for (const Network::UnderWay& u : net_.under_way) {
      Workspace::TaskCold& c = cold(u.task);
      c.worked = u.worked;
      c.clock_before = u.clock_before;
    }
    std::fill(w_.edge_released.begin(), w_.edge_released.end(), 0);
    std::copy(net_.agency_capacity.begin(), net_.agency_capacity.end(), w_.free_units.begin());
    for (auto& w : w_.waitlists) w.clear();
    std::fill(w_.queue_changed.begin(), w_.queue_changed.end(), 0.0);
    std::fill(w_.dispatch_due.begin(), w_.dispatch_due.end(), 0);
    std::fill(r_.agency.begin(), r_.agency.end(), AgencyStats{});
    std::fill(r_.agency_month_busy.begin(), r_.agency_month_busy.end(), 0.0);
    w_.event_set.clear();
    r_.events = 0;
    w_.request_seq = 0;
    multi_waiting_ = 0;
  }

  // A task's state before a run: it waits for all its predecessors. The
  // general state holds its project's stream key too, read from the record
  // in the same line; the plain one says it did not finish in this run.
  State initial_state(std::uint32_t t) const {
    State st;
    st.pending = net_.pred_count[t];
    if constexpr (kGeneral) st.key = w_.project_key[hot_of(t).project];
    else st.finished_in = w_.run_parity ^ 1;
    return st;
  }
  void mark_finished_at_start() {
    for (std::uint32_t t : net_.finished_at_start) r_.trace.times[t].start = r_.trace.times[t].finish = 0;
  }

  // The plain engine's end of a run. Every task finished: their states are
  // as a reset leaves them (a finish marks its task not yet begun, a task's
  // pending count is put back once it reaches zero; the request and begin
  // times left are written before they are read) and each ready, start and
  // finish time is this run's. Otherwise those that did not finish get
  // never-ran times, in place of an earlier run's, and the next run resets
  // everything.
  void settle_restored_states() {
    if (finished_ + net_.finished_at_start.size() == tasks_) {
      w_.states_restored = true;
      return;
    }
    for (std::uint32_t t = 0; t < tasks_; ++t) {
      const State& st = state_of(t);
      if (st.finished_in == w_.run_parity) continue;
      Trace::Times& times = r_.trace.times[t];
      times.finish = kNeverRan;
      if (st.where == kNotYet) times.ready = 0;
      if (st.where != kInService) times.start = kNeverRan;
    }
    mark_finished_at_start();
  }

  // A rework attempt draws a fresh duration from its own stream.
  StepWork work_of(std::uint32_t t) const {
    if (settings_.replay_work) {
      const double w = (*settings_.replay_work)[t];
      return {w, 0, w};
    }
    const TaskHot& task = hot_of(t);
    const StepRule& rule = net_.rules[task.rule];
    const std::uint64_t project = stream_key(t);
    const StepWork w = settings_.deterministic                ? deterministic_step_work(net_, rule)
                       : !kGeneral || single_duration(rule) ? draw_single_duration(rule, project, attempt_of(t))
                                                            : draw_step_work(net_, rule, project, attempt_of(t));
    return kGeneral && (task.flags & TaskHot::kPartlyDone) ? times(w, net_.remaining[t]) : w;
  }

  const double* factors_of(std::int32_t copula) const {
    std::size_t at = 0;
    for (std::int32_t c = 0; c < copula; ++c) at += net_.copulas[static_cast<std::size_t>(c)].members;
    return r_.factors.data() + at;
  }

  // Draws the risks that may strike t as it becomes ready; returns the day
  // before which it may not begin (a funding pause), or `now`.
  double strike_risks(std::uint32_t t, double now) {
    double begin = now;
    const TaskHot& task = hot_of(t);
    for (std::uint32_t i = task.risk_begin, end = i + task.risk_count; i < end; ++i) {
      const RiskRule& rule = net_.risks[net_.task_risk[i]];
      if (now < rule.from_day || now >= rule.to_day) continue;
      auto rng = core::RngStream::keyed_from(stream_key(t), net_.rules[task.rule].step_hash ^ rule.hash, core::Purpose::risk);
      bool strikes;
      const std::int32_t member = rule.copula < 0 ? -1 : net_.project_member[static_cast<std::size_t>(rule.copula) * net_.project_count() + task.project];
      if (member >= 0) {
        const CopulaFactors& c = net_.copulas[static_cast<std::size_t>(rule.copula)];
        const double x = std::sqrt(c.loading) * factors_of(rule.copula)[member] +
                         std::sqrt(1 - c.loading) * core::normal_quantile(rng.uniform());
        strikes = core::normal_cdf(x) < rule.probability;
      } else {
        strikes = rng.uniform() < rule.probability;
      }
      if (!strikes) continue;
      ++r_.risk_hits[net_.task_risk[i]];
      switch (rule.effect) {
        case model::RiskEffect::delay: cold(t).extra_work += std::min(core::sample(rule.amount, rng), core::kMaxDurationDays); break;
        case model::RiskEffect::stall: cold(t).idle += std::min(core::sample(rule.amount, rng), core::kMaxDurationDays); break;
        case model::RiskEffect::rework: state_of(t).rework = 1; break;
        case model::RiskEffect::pause_until: begin = std::max(begin, rule.until_day); break;
      }
    }
    return begin;
  }

  // A task's need list, for a task holding more than one resource.
  std::uint32_t needs_begin(std::uint32_t t) const { return hot_of(t).need_begin(); }
  std::uint32_t needs_end(std::uint32_t t) const { return hot_of(t).need_begin() + hot_of(t).need_count; }
  bool holds_resources(std::uint32_t t) const { return hot_of(t).need_count != 0; }
  bool holds_several(std::uint32_t t) const { return kGeneral && hot_of(t).need_count > 1; }
  const StepRule& rule_of(std::uint32_t t) const { return net_.rules[hot_of(t).rule]; }
  const core::Calendar& calendar_of(std::uint32_t t) const { return r_.calendars[rule_of(t).calendar]; }

  bool fits(std::uint32_t t) const {
    const TaskHot& h = hot_of(t);
    if (!kGeneral || h.need_count == 1) return w_.free_units[h.primary] >= static_cast<int>(h.primary_amount());
    for (std::uint32_t i = needs_begin(t); i < needs_end(t); ++i)
      if (w_.free_units[net_.need_agency[i]] < net_.need_amount[i]) return false;
    return true;
  }

  // Queue length only changes here, so its time integral is exact.
  // (Past the horizon nothing accrues: the sum is left alone rather than
  // given a zero, which changes nothing.)
  void note_queue(std::uint32_t a, double now) {
    if (const double from = std::min(w_.queue_changed[a], horizon_), to = std::min(now, horizon_); to > from)
      r_.agency[a].queue_area += static_cast<double>(w_.waitlists[a].size<!kGeneral>()) * (to - from);
    w_.queue_changed[a] = now;
  }

  void on_ready(std::uint32_t t, double now) {
    r_.trace.times[t].ready = now;
    if (kGeneral && (hot_of(t).flags & TaskHot::kSkipped)) {
      r_.trace.times[t].start = now;
      return finish_task(t, now);
    }
    if constexpr (kGeneral) {
      if (hot_of(t).risk_count != 0) {
        const double begin = strike_risks(t, now);
        if (begin > now) return w_.event_set.schedule(begin, kResume, t);
      }
    }
    request(t, now);
  }

  void request(std::uint32_t t, double now) {
    const std::uint32_t p = hot_of(t).project;
    const StepRule& rule = rule_of(t);
    if constexpr (kGeneral) {
      if (rule.type == model::StepType::land && net_.project_pool[p] >= 0 && w_.land_state[p] != LandState::granted)
        return wait_for_land(t, p, now);
      Workspace::TaskState& st = state_of(t);
      st.requested = now;
      if (rule.limit != kNeverRan && !st.filed) {  // 受理: the statutory clock starts
        st.filed = 1;
        // A step under way at the start has days on its clock already.
        const double before = st.cold ? cold_of(t).clock_before : 0.0;
        if (rule.deemed)
          w_.event_set.schedule(calendar_of(t).finish(now, std::max(0.0, rule.limit - before)), kDeadline, t);
      }
    }
    if (!holds_resources(t)) return start(t, now);
    const std::uint32_t a = hot_of(t).primary;
    const bool by_priority = kGeneral && w_.waitlists[a].discipline() == model::Discipline::priority;
    if (!by_priority && w_.waitlists[a].empty<!kGeneral>() && fits(t)) return seize_and_start(t, now);
    note_queue(a, now);
    w_.waitlists[a].push<!kGeneral>(t, net_.project_key[p], w_.request_seq++, rule.priority, rule.step);
    if (by_priority) wake(a, now);  // decides once every request of this moment is in
    state_of(t).where = kQueued;
    if (now < horizon_) r_.agency[a].max_queue = std::max<std::uint32_t>(r_.agency[a].max_queue, static_cast<std::uint32_t>(w_.waitlists[a].size<!kGeneral>()));
    if (holds_several(t)) ++multi_waiting_;
  }

  void seize_and_start(std::uint32_t t, double now) {
    const TaskHot& h = hot_of(t);
    if (!kGeneral || h.need_count == 1) w_.free_units[h.primary] -= h.primary_amount();
    else
      for (std::uint32_t i = needs_begin(t); i < needs_end(t); ++i) w_.free_units[net_.need_agency[i]] -= net_.need_amount[i];
    if constexpr (kGeneral) state_of(t).holding = 1;
    const std::uint32_t a = h.primary;
    const core::Calendar& cal = calendar_of(t);
    r_.agency[a].wait_sum += cal.work_before(now) - cal.work_before(requested_at(t));
    ++r_.agency[a].served;
    start(t, now);
  }

  // Service: the on-clock work (with any risk delay), then the off-clock
  // phases; the agency is held for the on-clock work, or for the reviewers'
  // effort where the step states it.
  void start(std::uint32_t t, double now) {
    const bool first = attempt_of(t) == 0;
    StepWork w = work_of(t);
    const bool has_cold = cold_index(t) != 0;
    if (first && has_cold && cold_of(t).worked > 0) w = less_worked(w, cold_of(t).worked);
    double clock = w.clock;
    if (first && has_cold) clock += cold_of(t).extra_work + cold_of(t).idle;
    const core::Calendar& cal = calendar_of(t);
    const Span span = !kGeneral || net_.restarts.empty() ? work_span(cal, now, clock + w.off_clock) : site_span(t, cal, now, clock + w.off_clock);
    if (first) r_.trace.times[t].start = span.start;  // 开工 is the first start, rework or not
    if constexpr (kGeneral) {
      state_of(t).service_begin = span.start;
      if (w.off_clock > 0 || has_cold || rule_of(t).deemed) {
        Workspace::TaskCold& c = cold(t);
        c.clock_end = w.off_clock > 0 ? cal.finish(span.start, clock) : span.finish;
        c.off_now = w.off_clock;
      }
    }
    state_of(t).where = kInService;
    w_.event_set.schedule(span.finish, kFinish, t);
    // Its finish will write its finish time (beside the start just
    // written) and read the next task of its project (most often its
    // successor): fetched now, a service's length ahead, not an event ahead.
    if (t + 1 < tasks_) warm_task(t + 1, false);
    // Reviewers are free once their effort (or the on-clock work) is done.
    const double held = kGeneral && rule_of(t).has_effort ? w.held : clock;
    if (kGeneral && holding(t) && held < clock + w.off_clock) w_.event_set.schedule(cal.finish(span.start, held), kRelease, t);
    if (kGeneral && first && (hot_of(t).flags & TaskHot::kOverlapOut))
      for (std::uint32_t i = hot_of(t).succ_begin, end = i + hot_of(t).succ_count; i < end; ++i)
        if (net_.succ_fraction[i] < 1)
          w_.event_set.schedule(overlap_release(cal, span.start, net_.succ_fraction[i], clock + w.off_clock), kPartial, i);
  }

  // Construction on a calendar with restarts (复工) runs on its project's
  // site time; everything else on the calendar's.
  Span site_span(std::uint32_t t, const core::Calendar& cal, double now, double work) {
    const TaskHot& h = hot_of(t);
    const StepRule& step = rule_of(t);
    const std::int32_t rule = net_.calendar_restart[step.calendar];
    if (rule < 0 || step.type != model::StepType::construction) return work_span(cal, now, work);
    const CalendarRestart& r = net_.restarts[static_cast<std::size_t>(rule)];
    site_restarts(net_, r, h.project, seed_, replication_, settings_.deterministic, now, w_.restart_scratch);
    const core::SiteTime site(cal, w_.restart_scratch, r.ramp);
    const double start = site.next_working(now);
    return {start, site.finish(start, work)};
  }

  void on_finish(std::uint32_t t, double now) {
    if constexpr (kGeneral) {
      Workspace::TaskState& st = state_of(t);
      if (st.where == kFinished) return;  // deemed approved before its work was done
      if (st.cold) {
        Workspace::TaskCold& c = cold_of(t);
        c.off_done += c.off_now;
        c.off_now = 0;
      }
      if (st.holding) release(t, now);
      if (st.rework && st.attempt == 0) {  // done once, to be done again
        if (st.filed) cold(t).filed = st.requested;  // the next request overwrites it
        st.attempt = 1;
        st.where = kNotYet;
        return request(t, now);
      }
    } else if (holding(t)) {
      release(t, now);
    }
    finish_task(t, now);
  }

  void finish_task(std::uint32_t t, double now) {
    State& st = state_of(t);
    r_.trace.times[t].finish = now;
    double off_path = 0;
    if constexpr (kGeneral) {
      st.where = kFinished;
      if (st.cold) {
        Workspace::TaskCold& c = cold_of(t);
        off_path = c.off_path += c.off_done;
      }
      if (st.filed) note_statutory_clock(t, now);
    } else {
      st.where = kNotYet, st.finished_in = w_.run_parity, ++finished_;  // as the next run begins: settle_restored_states
    }
    const TaskHot& hot = hot_of(t);
    if (hot.flags & TaskHot::kChainsToNext) return ready_after(t + 1, off_path, now);
    const bool overlaps = kGeneral && (hot.flags & TaskHot::kOverlapOut);
    for (std::uint32_t i = hot.succ_begin, end = i + hot.succ_count; i < end; ++i) {
      if (overlaps && net_.succ_fraction[i] < 1) {
        std::uint8_t& released = w_.edge_released[overlap_slot(i)];
        if (released) continue;
        released = 1;
      }
      release_successor(net_.succ[i], off_path, now);
    }
  }

  void release_successor(std::uint32_t s, double off_path, double now) {
    State& st = state_of(s);
    if (--st.pending != 0) return;
    if constexpr (!kGeneral) st.pending = net_.pred_count[s];  // as the next run begins: settle_restored_states
    ready_after(s, off_path, now);
  }
  void ready_after(std::uint32_t s, double off_path, double now) {
    if (kGeneral && off_path > 0) cold(s).off_path = off_path;  // off-clock days on the chain that drove it
    on_ready(s, now);
  }

  // An overlap edge's place among the network's overlap edges (sorted).
  std::size_t overlap_slot(std::uint32_t edge) const {
    return static_cast<std::size_t>(std::lower_bound(net_.overlap_edges.begin(), net_.overlap_edges.end(), edge) -
                                    net_.overlap_edges.begin());
  }

  void on_partial(std::uint32_t edge, double now) {
    std::uint8_t& released = w_.edge_released[overlap_slot(edge)];
    if (released) return;
    released = 1;
    const auto pred = static_cast<std::uint32_t>(std::upper_bound(net_.succ_begin.begin(), net_.succ_begin.end(), edge) -
                                                 net_.succ_begin.begin() - 1);
    release_successor(net_.succ[edge], state_of(pred).cold ? cold_of(pred).off_path : 0.0, now);
  }

  // Working days on the statutory clock from filing to `now`: not the
  // off-clock phases done or under way.
  double statutory_clock(std::uint32_t t, double now) const {
    const Workspace::TaskState& st = state_of(t);
    const core::Calendar& cal = calendar_of(t);
    double off = 0;
    if (st.cold) {
      const Workspace::TaskCold& c = w_.cold[st.cold];
      off = c.off_done;
      if (st.where == kInService && now > c.clock_end)
        off += std::min(c.off_now, cal.work_before(now) - cal.work_before(c.clock_end));
    }
    const double before = st.cold ? w_.cold[st.cold].clock_before : 0.0;
    return cal.work_before(now) - cal.work_before(filed_at(t)) - off + before;
  }

  void note_statutory_clock(std::uint32_t t, double now) {
    const double limit = rule_of(t).limit;
    if (limit == std::numeric_limits<double>::infinity() || !holds_resources(t) || !state_of(t).filed) return;
    AgencyStats& s = r_.agency[hot_of(t).primary];
    const double clock = statutory_clock(t, now);
    ++s.limited;
    if (clock > limit + 1e-9) ++s.over_limit, s.excess_sum += clock - limit;
  }

  // 超时默认: still on the clock at the limit means approved now.
  void on_deadline(std::uint32_t t, double now) {
    Workspace::TaskState& st = state_of(t);
    if (st.where == kFinished) return;
    const StepRule& rule = rule_of(t);
    const double clock = statutory_clock(t, now);
    if (clock < rule.limit - 1e-9) {  // off-clock phases stopped it: look again when it could be reached
      w_.event_set.schedule(calendar_of(t).finish(now, rule.limit - clock), kDeadline, t);
      return;
    }
    const bool on_clock = st.where == kQueued || (st.where == kInService && now <= cold_of(t).clock_end);
    if (!on_clock) return;
    const std::uint32_t a = hot_of(t).primary;
    if (st.where == kQueued) {
      note_queue(a, now);
      w_.waitlists[a].remove(t);
      if (holds_several(t)) --multi_waiting_;
      if (r_.trace.times[t].start == kNeverRan) r_.trace.times[t].start = now;
    }
    if (st.holding) release(t, now);
    ++r_.agency[a].deemed;
    finish_task(t, now);
  }

  // Service working days inside the horizon, split by calendar month.
  // Nothing past the horizon (no zero added: see note_queue).
  void add_busy(std::uint32_t a, int amount, const core::Calendar& cal, double from, double to) {
    if (!(to > from)) return;
    const double work_begin = cal.work_before(from), work_end = cal.work_before(to);  // each asked once
    r_.agency[a].busy_work += amount * (work_end - work_begin);
    const std::size_t months = net_.month_count();
    std::size_t m = net_.month_of_day[static_cast<std::size_t>(from)];
    double work_from = work_begin;
    for (;; ++m) {
      const double boundary = std::min(to, static_cast<double>(net_.month_begin[m + 1]));
      const double work_to = boundary >= to ? work_end : cal.work_before(boundary);
      r_.agency_month_busy[a * months + m] += amount * (work_to - work_from);
      if (boundary >= to) break;
      work_from = work_to;
    }
  }

  void release(std::uint32_t t, double now) {
    const core::Calendar& cal = calendar_of(t);
    const double from = std::min(service_begin_of(t), horizon_), to = std::min(now, horizon_);
    if constexpr (kGeneral) state_of(t).holding = 0;
    const TaskHot& h = hot_of(t);
    if (!kGeneral || h.need_count == 1) {
      w_.free_units[h.primary] += h.primary_amount();
      add_busy(h.primary, static_cast<int>(h.primary_amount()), cal, from, to);
    } else {
      for (std::uint32_t i = needs_begin(t); i < needs_end(t); ++i) {
        w_.free_units[net_.need_agency[i]] += net_.need_amount[i];
        add_busy(net_.need_agency[i], net_.need_amount[i], cal, from, to);
      }
    }
    // Units freed here go to whoever waits for them, before the finished
    // task's successors ask (the order the reference model specifies).
    if (kGeneral && multi_waiting_ > 0) {
      for (std::uint32_t a = 0; a < w_.waitlists.size(); ++a) wake(a, now);
    } else {
      if (!kGeneral || h.need_count == 1) wake(h.primary, now);
      else
        for (std::uint32_t i = needs_begin(t); i < needs_end(t); ++i) wake(net_.need_agency[i], now);
    }
  }

  void wait_for_land(std::uint32_t t, std::uint32_t p, double now) {
    state_of(t).waits_for_land = 1;
    Workspace::TaskRange& waiting = w_.land_waiters[p];
    waiting = waiting.empty() ? Workspace::TaskRange{t, t + 1} : Workspace::TaskRange{std::min(waiting.begin, t), std::max(waiting.end, t + 1)};
    if (w_.land_state[p] != LandState::not_asked) return;
    w_.land_state[p] = LandState::waiting;
    w_.land_asked[p] = now;
    const auto pool = static_cast<std::uint32_t>(net_.project_pool[p]);
    const bool normal = net_.pool_discipline[pool] == model::Discipline::key_first && !net_.project_key[p];
    const Workspace::LandWait w{(normal ? 1ull << 63 : 0) | w_.request_seq++, p};
    // Nothing was freed since the last allocation, so nobody already waiting
    // can fit now: only the newcomer needs a look.
    if (r_.project_land[p] <= w_.land_available[pool] + 1e-9) {
      w_.land_available[pool] -= r_.project_land[p];
      grant_land(pool, p, now);
      return;
    }
    w_.land_waiting[pool].push_back(w);  // put in grant order when land is released
  }

  // Land was freed: everyone waiting may fit now.
  void on_land_release(std::uint32_t i, double now) {
    const LandTranche& tranche = net_.land_releases[i];
    w_.land_available[tranche.pool] += tranche.mu;
    allocate_land(tranche.pool, now);
  }

  // Grants, in priority order, every waiting project whose whole need fits
  // (first fit: a large need does not block smaller ones behind it).
  void allocate_land(std::uint32_t pool, double now) {
    auto& list = w_.land_waiting[pool];
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
    std::vector<std::uint32_t>& granted = w_.granted_scratch;
    granted.clear();
    std::size_t keep = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::uint32_t p = list[i].project;
      if (r_.project_land[p] <= w_.land_available[pool] + 1e-9) {
        w_.land_available[pool] -= r_.project_land[p];
        granted.push_back(p);
      } else {
        list[keep++] = list[i];
      }
    }
    list.resize(keep);
    for (std::uint32_t p : granted) grant_land(pool, p, now);
  }

  void grant_land(std::uint32_t pool, std::uint32_t p, double now) {
    w_.land_state[p] = LandState::granted;
    LandStats& s = r_.land[pool];
    s.granted_mu += r_.project_land[p];
    ++s.grants;
    s.wait_sum += now - w_.land_asked[p];
    // Only the tasks from the first waiting one to the last are read (most
    // often one), not every task of the project: a cache miss each at scale.
    const Workspace::TaskRange waiting = w_.land_waiters[p];
    assert(!waiting.empty());
    for (std::uint32_t t = waiting.begin; t < waiting.end; ++t)
      if (state_of(t).waits_for_land) state_of(t).waits_for_land = 0, request(t, now);
  }

  // Freed units or a new request: a service window serves at once; a
  // priority dispatcher waits until everything of this moment has happened
  // (the parallel schedule-generation scheme of the dispatching rules).
  void wake(std::uint32_t a, double now) {
    if (!kGeneral || w_.waitlists[a].discipline() != model::Discipline::priority) return dispatch(a, now);
    if (w_.dispatch_due[a] || w_.waitlists[a].empty()) return;
    w_.dispatch_due[a] = 1;
    w_.event_set.schedule(now, kDispatch, a, core::Priority::late);
  }

  // Starts waiting requests in the agency's order while the first one fits:
  // no overtaking, as at a service window. By priority, every request that
  // fits starts, in priority order.
  void dispatch(std::uint32_t a, double now) {
    Waitlist& w = w_.waitlists[a];
    if (kGeneral && w.discipline() == model::Discipline::priority) {
      w.start_those_that_fit([&](std::uint32_t t) {
        if (!fits(t)) return false;
        note_queue(a, now);
        if (holds_several(t)) --multi_waiting_;
        seize_and_start(t, now);
        return true;
      });
      return;
    }
    while (!w.empty<!kGeneral>()) {
      // Every request waiting here needs at least one of this agency's
      // units. With none free, the next in line is not looked at now (its
      // record is cold: a cache miss) but fetched for when a unit frees,
      // which is when it will be, with the times its start goes to.
      if (w_.free_units[a] <= 0) {
        const std::uint32_t next = w.front<!kGeneral>();
        warm_task(next, false);
        if constexpr (!kGeneral) {
          // Two stages on a plain network: the next in line's record came
          // in when it was second, so its project's stream key (for its
          // draw) can be fetched now; the one behind it gets its record and
          // times.
          __builtin_prefetch(&w_.project_key[hot_of(next).project]);
          if (w.template size<true>() > 1) warm_task(w.second_in_fifo(), false);
        }
        break;
      }
      const std::uint32_t t = w.front<!kGeneral>();
      if (!fits(t)) break;
      note_queue(a, now);
      w.pop<!kGeneral>();
      if (holds_several(t)) --multi_waiting_;
      seize_and_start(t, now);
    }
  }

  const Network& net_;
  const std::uint64_t seed_;
  const std::uint32_t replication_;
  const std::uint64_t replication_key_;  // the streams' (seed, replication) part, mixed once
  const SimSettings& settings_;
  Replication& r_;
  Workspace& w_;
  const double horizon_;
  const std::uint32_t tasks_;  // the network's task count, kept here: the vectors' sizes are reloaded after every store
  std::uint32_t multi_waiting_ = 0;
  std::size_t finished_ = 0;  // plain engine: tasks finished in this run
};

}  // namespace event_loop

template <bool kGeneral>
void run_event_loop(const Network& net, std::uint64_t seed, std::uint32_t replication, const SimSettings& settings,
                    Replication& r, Workspace& w) {
  event_loop::Engine<kGeneral>(net, seed, replication, settings, r, w).run();
}

}  // namespace kpsim::engine
