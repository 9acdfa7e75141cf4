#include "sim/sweep/expand.hpp"

#include <algorithm>

namespace kpsim::sweep {
namespace {

std::string variant_id(std::size_t i, std::size_t n) {
  std::string digits = std::to_string(i + 1);
  const std::size_t width = std::max<std::size_t>(3, std::to_string(n).size());
  return "v" + std::string(width - std::min(width, digits.size()), '0') + digits;
}

// The last segment of a path ("policies[0].compress.to" → "to"), or the
// whole path when two swept paths end alike.
std::vector<std::string> short_names(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& p : paths) out.push_back(p.substr(p.find_last_of('.') + 1));
  for (std::size_t i = 0; i < out.size(); ++i)
    if (std::count(out.begin(), out.end(), out[i]) > 1) out[i] = paths[i];
  return out;
}

}  // namespace

Expansion expand(const model::SweepSpec& spec) {
  Expansion e;
  if (spec.combine == model::SweepCombine::list) {
    for (const model::SweepListEntry& entry : spec.list) {
      Variant v;
      v.label = entry.label;
      for (std::size_t k = 0; k < entry.set.size(); ++k) {
        const auto& [path, value] = entry.set[k];
        auto it = std::find(e.paths.begin(), e.paths.end(), path);
        if (it == e.paths.end()) {
          e.paths.push_back(path);
          e.path_locs.push_back(entry.path_locs[k]);
          it = e.paths.end() - 1;
        }
        v.set.push_back({static_cast<std::size_t>(it - e.paths.begin()), value});
      }
      e.variants.push_back(std::move(v));
    }
  } else {
    for (const model::SweepAxis& a : spec.axes) {
      e.paths.push_back(a.path);
      e.path_locs.push_back(a.loc);
    }
    if (spec.combine == model::SweepCombine::zip) {
      const std::size_t n = spec.axes.empty() ? 0 : spec.axes.front().values.size();
      for (std::size_t i = 0; i < n; ++i) {
        Variant v;
        for (std::size_t a = 0; a < spec.axes.size(); ++a) v.set.push_back({a, spec.axes[a].values[i]});
        e.variants.push_back(std::move(v));
      }
    } else {
      // Odometer over the axes, the first axis turning slowest.
      std::vector<std::size_t> at(spec.axes.size(), 0);
      const bool any = !spec.axes.empty() &&
                       std::all_of(spec.axes.begin(), spec.axes.end(), [](const auto& a) { return !a.values.empty(); });
      while (any) {
        Variant v;
        for (std::size_t a = 0; a < spec.axes.size(); ++a) v.set.push_back({a, spec.axes[a].values[at[a]]});
        e.variants.push_back(std::move(v));
        std::size_t a = spec.axes.size();
        while (a > 0 && ++at[a - 1] == spec.axes[a - 1].values.size()) at[--a] = 0;
        if (a == 0) break;
      }
    }
  }
  const std::vector<std::string> names = short_names(e.paths);
  for (std::size_t i = 0; i < e.variants.size(); ++i) {
    Variant& v = e.variants[i];
    v.id = variant_id(i, e.variants.size());
    if (!v.label.empty()) continue;
    for (const Assignment& a : v.set) v.label += (v.label.empty() ? "" : ", ") + names[a.path] + "=" + a.value.text;
    if (v.label.empty()) v.label = v.id;
  }
  return e;
}

}  // namespace kpsim::sweep
