// Requests waiting at an agency, in its discipline's order: first come first
// served (the task ids, 4 bytes a request, served from the head); key
// projects first and then first come (two such queues, key projects' and
// the others': the arrival sequence only grows, so each is in arrival
// order without a heap); or by a priority value per step (a sorted list,
// for dispatching rules such as PSPLIB's LFT or MTS, where any waiting
// request that fits may start: overtaking). Ties never depend on anything
// but the arrival order, so runs are reproducible.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <vector>

#include "sim/model/scenario.hpp"

namespace kpsim::engine {

// Task ids in arrival order, served from the head.
class TaskQueue {
 public:
  void clear() { tasks_.clear(), head_ = 0; }
  std::size_t size() const { return tasks_.size() - head_; }
  void push(std::uint32_t task) { tasks_.push_back(task); }
  std::uint32_t front() const { return tasks_[head_]; }
  std::uint32_t second() const { return tasks_[head_ + 1]; }  // size() > 1
  // The consumed front is reclaimed once it is 4,096 long and at least half
  // the vector (amortised O(1)), also when the queue is empty: one branch,
  // nearly never taken, rather than two that follow each queue's length.
  void pop() {
    ++head_;
    if ((head_ >= 4096) & (head_ * 2 >= tasks_.size())) [[unlikely]] {
      tasks_.erase(tasks_.begin(), tasks_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
  }
  bool remove(std::uint32_t task) {  // linear; rare
    const auto it = std::find(tasks_.begin() + static_cast<std::ptrdiff_t>(head_), tasks_.end(), task);
    if (it == tasks_.end()) return false;
    tasks_.erase(it);
    if (head_ == tasks_.size()) clear();
    return true;
  }

 private:
  std::vector<std::uint32_t> tasks_;
  std::size_t head_ = 0;
};

class Waitlist {
 public:
  explicit Waitlist(model::Discipline d = model::Discipline::fifo) : discipline_(d) {}

  model::Discipline discipline() const { return discipline_; }
  void clear() {
    queue_.clear();
    key_queue_.clear();
    ranked_.clear();
  }
  // kFifo: the caller knows the discipline is first come first served (the
  // plain engine), so no method asks which it is.
  template <bool kFifo = false>
  bool empty() const { return size<kFifo>() == 0; }
  template <bool kFifo = false>
  std::size_t size() const {
    if (kFifo || discipline_ == model::Discipline::fifo) return queue_.size();
    return discipline_ == model::Discipline::priority ? ranked_.size() : key_queue_.size() + queue_.size();
  }

  // `key`: a key project's request (key-first discipline). `rank`: (priority
  // value, tie-break) for the priority discipline, lower first; `seq`, the
  // arrival sequence, breaks its remaining ties.
  template <bool kFifo = false>
  void push(std::uint32_t task, bool key, std::uint64_t seq, double rank = 0, std::uint32_t tie = 0) {
    assert(!kFifo || discipline_ == model::Discipline::fifo);
    if (kFifo || discipline_ == model::Discipline::fifo) return queue_.push(task);
    if (discipline_ == model::Discipline::priority) {
      const Ranked r{rank, tie, seq, task};
      ranked_.insert(std::upper_bound(ranked_.begin(), ranked_.end(), r), r);
      return;
    }
    (key ? key_queue_ : queue_).push(task);
  }
  template <bool kFifo = false>
  std::uint32_t front() const {
    if (kFifo || discipline_ == model::Discipline::fifo) return queue_.front();
    if (discipline_ == model::Discipline::priority) return ranked_.front().task;
    return key_queue_.size() ? key_queue_.front() : queue_.front();
  }
  // The one behind the front of a first-come-first-served list (size > 1).
  std::uint32_t second_in_fifo() const {
    assert(discipline_ == model::Discipline::fifo);
    return queue_.second();
  }
  template <bool kFifo = false>
  void pop() {
    if (kFifo || discipline_ == model::Discipline::fifo) return queue_.pop();
    if (discipline_ == model::Discipline::priority) {
      ranked_.erase(ranked_.begin());
      return;
    }
    key_queue_.size() ? key_queue_.pop() : queue_.pop();
  }

  // Priority discipline: offers each waiting request in order to `start`,
  // which returns whether it started; those that did leave the list.
  template <class Start>
  void start_those_that_fit(Start start) {
    std::size_t keep = 0;
    for (std::size_t i = 0; i < ranked_.size(); ++i)
      if (!start(ranked_[i].task)) ranked_[keep++] = ranked_[i];
    ranked_.resize(keep);
  }

  // Takes a request out wherever it is (a step deemed approved while it
  // waits); linear in the queue length, and rare. Returns false if absent.
  bool remove(std::uint32_t task) {
    if (discipline_ == model::Discipline::priority) {
      const auto it = std::find_if(ranked_.begin(), ranked_.end(), [&](const Ranked& r) { return r.task == task; });
      if (it == ranked_.end()) return false;
      ranked_.erase(it);
      return true;
    }
    return queue_.remove(task) || key_queue_.remove(task);
  }

 private:
  struct Ranked {
    double rank;
    std::uint32_t tie;
    std::uint64_t seq;
    std::uint32_t task;
    bool operator<(const Ranked& o) const {
      if (rank != o.rank) return rank < o.rank;
      if (tie != o.tie) return tie < o.tie;
      return seq < o.seq;
    }
  };

  model::Discipline discipline_;
  TaskQueue queue_;      // first come first served; key first: the other projects' requests
  TaskQueue key_queue_;  // key first: key projects' requests
  std::vector<Ranked> ranked_;  // priority: sorted
};

}  // namespace kpsim::engine
