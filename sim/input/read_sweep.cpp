#include "sim/input/read_sweep.hpp"

#include <filesystem>

#include "sim/input/read_enums.hpp"
#include "sim/input/yaml_path.hpp"
#include "sim/input/yaml_reader.hpp"

namespace kpsim::input {
namespace {

constexpr std::size_t kMaxVariants = 100'000;

std::string resolve(const std::string& base_dir, const std::string& file) {
  const std::filesystem::path p(file);
  return p.is_absolute() || base_dir.empty() ? file : (std::filesystem::path(base_dir) / p).string();
}

std::optional<model::SweepValue> value_of(const Value& v, const YamlDocument& doc) {
  const auto span = source_span(doc.text, v.node());
  if (!span) {
    v.error("E-SWP-003", "a swept value is a scalar or a one-line flow collection such as {pert: [5, 10, 20]}");
    return std::nullopt;
  }
  return model::SweepValue{doc.text.substr(span->begin, span->end - span->begin), value_kind(v.node()), v.loc()};
}

std::optional<std::string> checked_path(model::Diagnostics& diag, const model::SourceLoc& key, const std::string& path) {
  std::string why;
  if (!parse_yaml_path(path, why)) {
    diag.error("E-SWP-002", key, "'" + path + "' is not a path: " + why);
    return std::nullopt;
  }
  return path;
}

class SweepReader {
 public:
  SweepReader(const YamlDocument& doc, model::Diagnostics& diag) : doc_(doc), diag_(diag) {}

  model::SweepSpec read() {
    s_.file = doc_.path;
    const std::string dir = std::filesystem::path(doc_.path).parent_path().string();
    const Value root = doc_.root_value(diag_);
    s_.loc = root.loc();
    MapReader m(root, {"kpsim", "sweep", "description", "base", "policies", "replications", "seed", "block", "combine",
                       "axes", "variants", "reference"});
    if (!m.ok()) return s_;
    if (auto v = m.require("kpsim"))
      if (auto n = v->integer(); n && *n != 1) v->error("E-SCN-001", "unsupported schema version " + std::to_string(*n));
    if (auto v = m.require("sweep")) s_.name = v->text().value_or("");
    if (auto v = m.get("description")) v->text();
    if (auto v = m.require("base")) {
      s_.base = resolve(dir, v->text().value_or(""));
      s_.files_named_at.push_back(v->loc());
    }
    if (auto v = m.get("policies"))
      for (const Value& e : v->one_or_many())
        if (auto f = e.text()) {
          s_.overlays.push_back(resolve(dir, *f));
          s_.files_named_at.push_back(e.loc());
        }
    if (auto v = m.get("reference")) {
      s_.reference = v->text();
      s_.reference_loc = v->loc();
    }
    if (auto v = m.get("replications")) s_.replications = read_replications(*v);
    if (auto v = m.get("seed")) s_.seed = read_seed(*v);
    if (auto v = m.get("block"))
      if (auto n = v->integer()) {
        if (*n < 1 || *n > 100'000) v->error("E-SWP-004", "a block is 1 to 100000 replications");
        else s_.block = static_cast<int>(*n);
      }
    if (auto v = m.get("combine"))
      s_.combine = read_choice<model::SweepCombine>(*v, {{"grid", model::SweepCombine::grid},
                                                         {"zip", model::SweepCombine::zip},
                                                         {"list", model::SweepCombine::list}})
                       .value_or(s_.combine);
    const bool list = s_.combine == model::SweepCombine::list;
    if (auto v = m.get("axes")) {
      if (list) v->error("E-SWP-005", "'combine: list' takes its values from 'variants', not 'axes'");
      else read_axes(*v);
    } else if (!list) {
      root.error("E-SWP-005", "no 'axes': give the paths to sweep and their values");
    }
    if (auto v = m.get("variants")) {
      if (!list) v->error("E-SWP-005", "'variants' needs 'combine: list'");
      else read_list(*v);
    } else if (list) {
      root.error("E-SWP-005", "'combine: list' needs a 'variants' list");
    }
    check_sizes(root);
    return s_;
  }

 private:
  void read_axes(const Value& v) {
    MapReader m(v, {});
    for (auto& [path, values] : m.entries()) {
      model::SweepAxis axis;
      axis.loc = key_loc(v, path);
      if (auto p = checked_path(diag_, axis.loc, path)) axis.path = *p;
      for (const Value& e : values.elements())
        if (auto x = value_of(e, doc_)) axis.values.push_back(*x);
      if (axis.values.empty() && values.is_sequence()) values.error("E-SWP-006", "an axis needs at least one value");
      s_.axes.push_back(std::move(axis));
    }
  }

  void read_list(const Value& v) {
    for (const Value& e : v.elements()) {
      MapReader em(e, {"label", "set"});
      if (!em.ok()) continue;
      model::SweepListEntry entry;
      entry.loc = e.loc();
      if (auto l = em.get("label")) entry.label = l->text().value_or("");
      if (auto set = em.require("set")) {
        MapReader sm(*set, {});
        for (auto& [path, value] : sm.entries()) {
          const model::SourceLoc where = key_loc(*set, path);
          auto p = checked_path(diag_, where, path);
          auto x = value_of(value, doc_);
          if (p && x) {
            entry.set.emplace_back(*p, *x);
            entry.path_locs.push_back(where);
          }
        }
      }
      s_.list.push_back(std::move(entry));
    }
  }

  // Where a key of a mapping is written (errors about a path point at it).
  model::SourceLoc key_loc(const Value& map, const std::string& key) const {
    for (auto it = map.node().begin(); it != map.node().end(); ++it)
      if (it->first.as<std::string>("") == key) return doc_.locate(it->first.Mark(), join_path(map.path(), key));
    return map.loc();
  }

  void check_sizes(const Value& root) {
    if (diag_.has_errors()) return;
    if (s_.combine == model::SweepCombine::zip)
      for (const model::SweepAxis& a : s_.axes)
        if (a.values.size() != s_.axes.front().values.size())
          diag_.error("E-SWP-007", a.loc,
                      "'combine: zip' pairs the axes value by value: this one has " + std::to_string(a.values.size()) +
                          " values, '" + s_.axes.front().path + "' has " + std::to_string(s_.axes.front().values.size()));
    std::size_t n = s_.combine == model::SweepCombine::list ? s_.list.size() : 1;
    if (s_.combine == model::SweepCombine::grid)
      for (const model::SweepAxis& a : s_.axes) n = std::min(n * a.values.size(), kMaxVariants + 1);
    if (n > kMaxVariants) root.error("E-SWP-008", "more than the limit of " + std::to_string(kMaxVariants) + " variants");
  }

  const YamlDocument& doc_;
  model::Diagnostics& diag_;
  model::SweepSpec s_;
};

}  // namespace

model::SweepSpec load_sweep(const std::string& path) {
  model::Diagnostics diag;
  model::SweepSpec spec;
  if (auto doc = parse_yaml_file(path, diag)) spec = SweepReader(*doc, diag).read();
  diag.throw_if_errors();
  return spec;
}

model::SweepSpec load_sweep_text(const std::string& text, const std::string& path) {
  model::Diagnostics diag;
  model::SweepSpec spec;
  if (auto doc = parse_yaml_text(text, path, diag)) spec = SweepReader(*doc, diag).read();
  diag.throw_if_errors();
  return spec;
}

}  // namespace kpsim::input
