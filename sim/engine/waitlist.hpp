// Requests waiting at an agency, in its discipline's order: first come first
// served (a ring of task ids); key projects first and then first come (a
// binary heap on (class, arrival sequence)); or by a priority value per step
// (a sorted list, for dispatching rules such as PSPLIB's LFT or MTS, where
// any waiting request that fits may start: overtaking). Ties never depend on
// anything but the arrival sequence, so runs are reproducible.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim/model/scenario.hpp"

namespace kpsim::engine {

class Waitlist {
 public:
  explicit Waitlist(model::Discipline d = model::Discipline::fifo) : discipline_(d) {}

  model::Discipline discipline() const { return discipline_; }
  void clear() {
    items_.clear();
    ranked_.clear();
    head_ = 0;
  }
  bool empty() const { return discipline_ == model::Discipline::priority ? ranked_.empty() : head_ == items_.size(); }
  std::size_t size() const { return discipline_ == model::Discipline::priority ? ranked_.size() : items_.size() - head_; }

  // `rank`: (priority value, tie-break) for the priority discipline, lower first.
  void push(std::uint32_t task, bool key, std::uint64_t seq, double rank = 0, std::uint32_t tie = 0) {
    if (discipline_ == model::Discipline::priority) {
      const Ranked r{rank, tie, seq, task};
      ranked_.insert(std::upper_bound(ranked_.begin(), ranked_.end(), r), r);
      return;
    }
    items_.push_back({seq | (discipline_ == model::Discipline::key_first && !key ? kNormalClass : 0), task});
    if (discipline_ == model::Discipline::key_first) std::push_heap(items_.begin(), items_.end(), later);
  }
  std::uint32_t front() const {
    if (discipline_ == model::Discipline::priority) return ranked_.front().task;
    return discipline_ == model::Discipline::fifo ? items_[head_].task : items_.front().task;
  }
  void pop() {
    if (discipline_ == model::Discipline::priority) {
      ranked_.erase(ranked_.begin());
      return;
    }
    if (discipline_ == model::Discipline::key_first) {
      std::pop_heap(items_.begin(), items_.end(), later);
      items_.pop_back();
      return;
    }
    if (++head_ == items_.size()) clear();
    else if (head_ >= 4096 && head_ * 2 >= items_.size()) {  // reclaim the consumed front now and then
      items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
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
    const auto it = std::find_if(items_.begin() + static_cast<std::ptrdiff_t>(head_), items_.end(),
                                 [&](const Entry& e) { return e.task == task; });
    if (it == items_.end()) return false;
    items_.erase(it);
    if (discipline_ == model::Discipline::key_first) std::make_heap(items_.begin(), items_.end(), later);
    if (head_ == items_.size()) clear();
    return true;
  }

 private:
  static constexpr std::uint64_t kNormalClass = 1ull << 63;
  struct Entry {
    std::uint64_t order;  // class bit, then arrival sequence
    std::uint32_t task;
  };
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
  static bool later(const Entry& a, const Entry& b) { return a.order > b.order; }

  model::Discipline discipline_;
  std::vector<Entry> items_;
  std::vector<Ranked> ranked_;
  std::size_t head_ = 0;
};

}  // namespace kpsim::engine
