// The engine's private working state for one replication: task records,
// queues, land waiting lists and the event set. Sized once for a network and
// cleared, not reallocated, between replications. Only the engine's own
// files include this; reports read Replication (replication.hpp).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "sim/core/event_set.hpp"
#include "sim/core/site_time.hpp"
#include "sim/engine/network.hpp"
#include "sim/engine/replication.hpp"
#include "sim/engine/waitlist.hpp"

namespace kpsim::engine {

// Where a project stands with its land pool.
enum class LandState : std::uint8_t { not_asked, waiting, granted };

struct Workspace {
  explicit Workspace(const Network& net);
  // Makes the general engine's task records, once, before its first run (a
  // Simulator of a plain network that never runs it has none of its 64-byte
  // records; the plain engine's state is in the trace).
  void prepare_general(const Network& net);

  // Working state of a task, 32 bytes. When the task ran is written
  // straight into the trace (Replication), not kept here.
  struct alignas(32) TaskState {
    double requested = 0;      // when the current attempt asked for its resources
    double service_begin = 0;  // when the current attempt's work began
    // Its project's stream key (project_key), copied by the reset pass: the
    // draw then reads no per-project array (a cache miss at portfolio scale).
    std::uint64_t key = 0;
    std::uint32_t cold = 0;    // its TaskCold record in `cold`, 0 if none
    std::uint32_t pending : 24 = 0;  // predecessors still to finish (at most kMaxPredecessors)
    std::uint32_t attempt : 1 = 0, rework : 1 = 0, waits_for_land : 1 = 0, holding : 1 = 0;
    std::uint32_t where : 2 = 0;
    // 受理: a step with a statutory limit was filed, at its first request
    // (`requested` while the first attempt lasts, then TaskCold::filed).
    std::uint32_t filed : 1 = 0;
  };
  static_assert(sizeof(TaskState) == 32);
  // The plain engine's working state of a task, 4 bytes, in the task's
  // record of times (Trace::Times): its packed record is read from the
  // network (32 bytes, two a line), and the times the general state keeps
  // are its ready and start times beside it (on a plain network a task asks
  // for its agency when it becomes ready, and is begun once).
  using PlainTaskState = Trace::PlainState;
  static_assert(sizeof(PlainTaskState) == 4);
  // A task's packed record (a copy of the network's, made once for this
  // workspace) and its working state in one 64-byte line: an event on a
  // task whose records have left the cache misses once, not twice.
  struct alignas(64) TaskRecord {
    TaskHot hot;
    TaskState state;
  };
  static_assert(sizeof(TaskRecord) == 64);
  // What only some tasks need: idle sites, statutory clocks, off-clock phases.
  struct TaskCold {
    double idle = 0;           // 开而不动: working days standing idle at the start
    double extra_work = 0;     // working days added by delay risks
    double clock_end = 0;      // when the current attempt's on-clock work ends
    double off_now = 0, off_done = 0;  // off-clock working days: current attempt, finished attempts
    double off_path = 0;       // off-clock days on the chain of driving predecessors, to its finish
    double worked = 0;         // under way at the start: working days of its work already done
    double clock_before = 0;   // under way at the start: statutory working days already on its clock
    double filed = 0;          // 受理 of a filed step done again: its first request
  };
  core::LargeArray<TaskRecord> task;          // the general engine's (prepare_general)
  core::LargeArray<std::uint64_t> project_key;  // per project: its streams' (seed, replication, project) part (step_work.hpp)
  std::vector<TaskCold> cold;            // a pool, made on first use; [0] is no record
  std::vector<std::uint32_t> cold_used;  // tasks that have one in this replication
  std::vector<std::uint8_t> edge_released;  // per overlap edge (Network::overlap_edges): released its successor
  struct LandWait {
    std::uint64_t order;  // class bit (key_first pools), then request sequence
    std::uint32_t project;
  };
  std::vector<double> land_available;
  std::vector<std::vector<LandWait>> land_waiting;  // per pool; sorted into grant order on each release
  std::vector<LandState> land_state;        // per project
  std::vector<double> land_asked;           // per project
  struct TaskRange {
    std::uint32_t begin = 0, end = 0;
    bool empty() const { return begin == end; }
  };
  // Per project: the tasks from the first to the last waiting for its land
  // (those between that do not wait have no waits_for_land).
  std::vector<TaskRange> land_waiters;
  std::vector<std::uint32_t> granted_scratch;
  std::vector<std::pair<double, std::uint32_t>> slot_starts;  // (day, task), sorted
  std::vector<std::int32_t> closed_scratch, month_days_scratch;
  std::vector<int> free_units;
  std::vector<Waitlist> waitlists;
  std::vector<double> queue_changed;
  std::vector<std::uint8_t> dispatch_due;  // per agency: a priority dispatch is scheduled
  std::vector<core::Restart> restart_scratch;  // a project's restarts, while its site work is scheduled
  core::EventSet event_set;
  std::uint64_t request_seq = 0;
  // Set by a plain run that finished every task it could run: each task's
  // state was put back as the reset pass makes it, and every ready,
  // start and finish time was written, so the next plain run skips those
  // passes (RM-AP at 10⁶ projects: 9 million lines, 9% of the run).
  // `run_parity` tells a state finished in this run from one restored in
  // the last.
  bool states_restored = false;
  std::uint8_t run_parity = 0;
};

}  // namespace kpsim::engine
