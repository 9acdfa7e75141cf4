// Requests waiting at an agency, in its discipline's order: first come first
// served (a ring of task ids), or key projects first and then first come
// (a binary heap on (class, arrival sequence)). Ties never depend on
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

  void clear() {
    items_.clear();
    head_ = 0;
  }
  bool empty() const { return head_ == items_.size(); }
  std::size_t size() const { return items_.size() - head_; }

  void push(std::uint32_t task, bool key, std::uint64_t seq) {
    items_.push_back({seq | (discipline_ == model::Discipline::key_first && !key ? kNormalClass : 0), task});
    if (discipline_ == model::Discipline::key_first) std::push_heap(items_.begin(), items_.end(), later);
  }
  std::uint32_t front() const { return discipline_ == model::Discipline::fifo ? items_[head_].task : items_.front().task; }
  void pop() {
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
  // Takes a request out wherever it is (a step deemed approved while it
  // waits); linear in the queue length, and rare. Returns false if absent.
  bool remove(std::uint32_t task) {
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
  static bool later(const Entry& a, const Entry& b) { return a.order > b.order; }

  model::Discipline discipline_;
  std::vector<Entry> items_;
  std::size_t head_ = 0;
};

}  // namespace kpsim::engine
