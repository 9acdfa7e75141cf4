// Requests waiting at an agency, in its discipline's order: first come first
// served (the task ids, 4 bytes a request, served from the head); key
// projects first and then first come (a binary heap on (class, arrival
// sequence)); or by a priority value per step
// (a sorted list, for dispatching rules such as PSPLIB's LFT or MTS, where
// any waiting request that fits may start: overtaking). Ties never depend on
// anything but the arrival sequence, so runs are reproducible.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <vector>

#include "sim/model/scenario.hpp"

namespace kpsim::engine {

class Waitlist {
 public:
  explicit Waitlist(model::Discipline d = model::Discipline::fifo) : discipline_(d) {}

  model::Discipline discipline() const { return discipline_; }
  void clear() {
    fifo_.clear();
    head_ = 0;
    items_.clear();
    ranked_.clear();
  }
  // kFifo: the caller knows the discipline is first come first served (the
  // plain engine), so no method asks which it is.
  template <bool kFifo = false>
  bool empty() const { return size<kFifo>() == 0; }
  template <bool kFifo = false>
  std::size_t size() const {
    if (kFifo || discipline_ == model::Discipline::fifo) return fifo_.size() - head_;
    return discipline_ == model::Discipline::priority ? ranked_.size() : items_.size();
  }

  // `rank`: (priority value, tie-break) for the priority discipline, lower first.
  template <bool kFifo = false>
  void push(std::uint32_t task, bool key, std::uint64_t seq, double rank = 0, std::uint32_t tie = 0) {
    assert(!kFifo || discipline_ == model::Discipline::fifo);
    if (kFifo || discipline_ == model::Discipline::fifo) return fifo_.push_back(task);
    if (discipline_ == model::Discipline::priority) {
      const Ranked r{rank, tie, seq, task};
      ranked_.insert(std::upper_bound(ranked_.begin(), ranked_.end(), r), r);
      return;
    }
    items_.push_back({seq | (key ? 0 : kNormalClass), task});
    std::push_heap(items_.begin(), items_.end(), later);
  }
  template <bool kFifo = false>
  std::uint32_t front() const {
    if (kFifo || discipline_ == model::Discipline::fifo) return fifo_[head_];
    return discipline_ == model::Discipline::priority ? ranked_.front().task : items_.front().task;
  }
  template <bool kFifo = false>
  void pop() {
    if (kFifo || discipline_ == model::Discipline::fifo) {
      if (++head_ == fifo_.size()) fifo_.clear(), head_ = 0;
      else if (head_ >= 4096 && head_ * 2 >= fifo_.size()) {  // reclaim the consumed front now and then
        fifo_.erase(fifo_.begin(), fifo_.begin() + static_cast<std::ptrdiff_t>(head_));
        head_ = 0;
      }
      return;
    }
    if (discipline_ == model::Discipline::priority) {
      ranked_.erase(ranked_.begin());
      return;
    }
    std::pop_heap(items_.begin(), items_.end(), later);
    items_.pop_back();
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
    if (discipline_ == model::Discipline::fifo) {
      const auto it = std::find(fifo_.begin() + static_cast<std::ptrdiff_t>(head_), fifo_.end(), task);
      if (it == fifo_.end()) return false;
      fifo_.erase(it);
      if (head_ == fifo_.size()) fifo_.clear(), head_ = 0;
      return true;
    }
    if (discipline_ == model::Discipline::priority) {
      const auto it = std::find_if(ranked_.begin(), ranked_.end(), [&](const Ranked& r) { return r.task == task; });
      if (it == ranked_.end()) return false;
      ranked_.erase(it);
      return true;
    }
    const auto it = std::find_if(items_.begin(), items_.end(), [&](const Entry& e) { return e.task == task; });
    if (it == items_.end()) return false;
    items_.erase(it);
    std::make_heap(items_.begin(), items_.end(), later);
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
  std::vector<std::uint32_t> fifo_;  // first come first served: the tasks, served from head_
  std::size_t head_ = 0;
  std::vector<Entry> items_;         // key first: a heap on (class, arrival)
  std::vector<Ranked> ranked_;       // priority: sorted
};

}  // namespace kpsim::engine
