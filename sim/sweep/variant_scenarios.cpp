#include "sim/sweep/variant_scenarios.hpp"

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <tuple>

#include "sim/core/suggest.hpp"
#include "sim/run/parallel_for.hpp"

namespace kpsim::sweep {
namespace {

constexpr std::size_t kMaxVariantErrors = 20;

std::string describe(const Expansion& e, const Variant& v) {
  std::string s = v.id + " (";
  for (std::size_t i = 0; i < v.set.size(); ++i) s += (i ? ", " : "") + e.paths[v.set[i].path] + " = " + v.set[i].value.text;
  return s + ")";
}

// One value of one path, as written: variants of a grid share it.
using ValueKey = std::tuple<std::size_t, std::string, int, int>;
ValueKey value_key(const Assignment& a) { return {a.path, a.value.loc.file, a.value.loc.line, a.value.loc.column}; }

}  // namespace

PreparedVariant PreparedSweep::variant(std::size_t v) const {
  ScenarioEdits::Edits values;
  for (const Assignment& a : expansion.variants[v].set) values.emplace_back(&targets_[a.path], a.value.text);
  return edits_->prepare(values);
}

PreparedSweep prepare_sweep(const model::SweepSpec& spec, int threads) {
  model::Diagnostics diag;
  auto edits = std::make_shared<ScenarioEdits>(spec.base, spec.overlays, diag, spec.files_named_at);
  diag.throw_if_errors();

  PreparedSweep out;
  out.edits_ = edits;
  out.expansion = expand(spec);
  const Expansion& e = out.expansion;
  if (e.variants.empty()) diag.error("E-SWP-006", spec.loc, "the sweep has no variants");
  if (spec.reference) {
    std::vector<std::string> names;
    bool found = false;
    for (std::size_t v = 0; v < e.variants.size() && !found; ++v) {
      if (e.variants[v].id == *spec.reference || e.variants[v].label == *spec.reference) out.reference = v, found = true;
      names.push_back(e.variants[v].label);
    }
    if (!found)
      diag.error("E-SWP-031", spec.reference_loc, "no variant has the id or label '" + *spec.reference + "'" +
                                                      core::did_you_mean(*spec.reference, names) + " (ids are v001 …)");
  }
  for (std::size_t p = 0; p < e.paths.size(); ++p)
    out.targets_.push_back(edits->resolve(e.paths[p], e.path_locs[p], diag).value_or(EditTarget{}));
  diag.throw_if_errors();
  // Each value once, where it is written, however many variants share it.
  std::set<ValueKey> checked;
  for (const Variant& v : e.variants)
    for (const Assignment& a : v.set) {
      const EditTarget& t = out.targets_[a.path];
      if (!checked.insert(value_key(a)).second) continue;
      if (!compatible_kinds(t.kind, a.value.kind))
        diag.error("E-SWP-012", a.value.loc,
                   "expected " + t.kind + " like the value at " + e.paths[a.path] + " (" + t.text + "), got " + a.value.kind);
    }
  diag.throw_if_errors();

  out.sources_hash = edits->sources_hash();
  // Every variant read and compiled once, and let go: the failures kept in
  // variant order.
  std::map<std::size_t, std::vector<model::Diagnostic>> failed;
  std::mutex failed_mutex;
  run::parallel_for(e.variants.size(), threads, [&](std::size_t v) {
    try {
      const PreparedVariant checked = out.variant(v);
      if (v == 0)
        out.replications = checked.scenario.replications, out.seed = checked.scenario.seed,
        out.money_unit = checked.scenario.money_unit, out.annual_plan = checked.scenario.annual_plan;
    } catch (const model::InputError& err) {
      std::lock_guard lock(failed_mutex);
      failed[v] = err.diagnostics();
    }
  });
  // A value that is invalid on its own is reported once, at the axis value,
  // with what is wrong; the variants it is in are not listed one by one.
  std::map<ValueKey, std::optional<std::vector<model::Diagnostic>>> alone;
  auto fails_alone = [&](const Assignment& a) -> const std::optional<std::vector<model::Diagnostic>>& {
    auto [it, fresh] = alone.try_emplace(value_key(a));
    if (fresh) try {
        out.edits_->prepare({{&out.targets_[a.path], a.value.text}});
      } catch (const model::InputError& err) {
        it->second = err.diagnostics();
      }
    return it->second;
  };
  std::set<ValueKey> reported;
  std::size_t shown = 0, combinations = 0;
  for (const auto& [v, diagnostics] : failed) {
    const Variant& variant = e.variants[v];
    bool explained = false;
    for (const Assignment& a : variant.set)
      if (const auto& why = fails_alone(a)) {
        explained = true;
        if (!reported.insert(value_key(a)).second || ++shown > kMaxVariantErrors) continue;
        for (const model::Diagnostic& d : *why)
          diag.error(d.code, a.value.loc, e.paths[a.path] + " = " + a.value.text + " makes the scenario invalid: " + d.message +
                                              " (at " + d.where.file + ":" + std::to_string(d.where.line) + ":" +
                                              std::to_string(d.where.column) + ")");
      }
    if (explained) continue;
    ++combinations;
    if (++shown > kMaxVariantErrors) continue;
    const model::SourceLoc where = variant.set.empty() ? spec.loc : variant.set.front().value.loc;
    diag.error("E-SWP-020", where, "variant " + describe(e, variant) + " is not a valid scenario (its values together):");
    for (const model::Diagnostic& d : diagnostics) diag.error(d.code, d.where, d.message);
  }
  if (shown > kMaxVariantErrors)
    diag.error("E-SWP-021", spec.loc, std::to_string(reported.size() + combinations) + " values or variants are invalid; the first " +
                                          std::to_string(kMaxVariantErrors) + " are shown");
  diag.throw_if_errors();
  out.replications = spec.replications.value_or(out.replications);
  out.seed = spec.seed.value_or(out.seed);
  return out;
}

}  // namespace kpsim::sweep
