// Looking scenario elements up by id: the one place that does it, for the
// readers (suggestions), the compiler (dense indices) and the tables
// (matching variants to their base).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kpsim::model {

// Every element's id, in order (for "did you mean" suggestions).
template <class T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const T& item : items) out.push_back(item.id);
  return out;
}

// The first element with this id, or nullptr. Linear: for one-off look-ups.
template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  for (const T& item : items)
    if (item.id == id) return &item;
  return nullptr;
}

template <class T>
std::optional<std::size_t> index_of_id(const std::vector<T>& items, std::string_view id) {
  if (const T* item = find_by_id(items, id)) return static_cast<std::size_t>(item - items.data());
  return std::nullopt;
}

// Ids to dense indices, built once: for look-ups in a loop. The first of
// duplicated ids wins (validation reports duplicates).
class IdIndex {
 public:
  IdIndex() = default;
  template <class T>
  explicit IdIndex(const std::vector<T>& items) {
    index_.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) index_.emplace(items[i].id, static_cast<std::uint32_t>(i));
  }
  static constexpr std::uint32_t kMissing = UINT32_MAX;
  std::uint32_t operator()(std::string_view id) const {
    const auto it = index_.find(std::string(id));
    return it == index_.end() ? kMissing : it->second;
  }

 private:
  std::unordered_map<std::string, std::uint32_t> index_;
};

}  // namespace kpsim::model
