#include "sim/sweep/variant_scenarios.hpp"

namespace kpsim::sweep {
namespace {

constexpr std::size_t kMaxVariantErrors = 20;

std::string describe(const Expansion& e, const Variant& v) {
  std::string s = v.id + (v.label.empty() ? "" : " '" + v.label + "'") + " (";
  for (std::size_t i = 0; i < v.set.size(); ++i) s += (i ? ", " : "") + e.paths[v.set[i].path] + " = " + v.set[i].value.text;
  return s + ")";
}

}  // namespace

PreparedSweep prepare_sweep(const model::SweepSpec& spec) {
  model::Diagnostics diag;
  const ScenarioEdits edits(spec.base, spec.overlays, diag, spec.files_named_at);
  diag.throw_if_errors();

  PreparedSweep out;
  out.expansion = expand(spec);
  const Expansion& e = out.expansion;
  if (e.variants.empty()) diag.error("E-SWP-006", spec.loc, "the sweep has no variants");
  std::vector<EditTarget> targets;
  for (std::size_t p = 0; p < e.paths.size(); ++p)
    targets.push_back(edits.resolve(e.paths[p], e.path_locs[p], diag).value_or(EditTarget{}));
  diag.throw_if_errors();
  for (const Variant& v : e.variants)
    for (const Assignment& a : v.set) {
      const EditTarget& t = targets[a.path];
      if (!compatible_kinds(t.kind, a.value.kind))
        diag.error("E-SWP-012", a.value.loc,
                   "expected " + t.kind + " like the value at " + e.paths[a.path] + " (" + t.text + "), got " + a.value.kind);
    }
  diag.throw_if_errors();

  out.sources_hash = edits.sources_hash();
  std::size_t failed = 0;
  for (const Variant& v : e.variants) {
    std::vector<std::pair<const EditTarget*, std::string>> values;
    for (const Assignment& a : v.set) values.emplace_back(&targets[a.path], a.value.text);
    try {
      out.variants.push_back(edits.prepare(values));
    } catch (const model::InputError& err) {
      if (++failed > kMaxVariantErrors) continue;
      const model::SourceLoc where = v.set.empty() ? spec.loc : v.set.front().value.loc;
      diag.error("E-SWP-020", where, "variant " + describe(e, v) + " is not a valid scenario:");
      for (const model::Diagnostic& d : err.diagnostics()) diag.error(d.code, d.where, d.message);
    }
  }
  if (failed > kMaxVariantErrors)
    diag.error("E-SWP-021", spec.loc, std::to_string(failed) + " variants are invalid; the first " +
                                          std::to_string(kMaxVariantErrors) + " are shown");
  diag.throw_if_errors();
  const model::Scenario& first = out.variants.front().scenario;
  out.replications = spec.replications.value_or(first.replications);
  out.seed = spec.seed.value_or(first.seed);
  return out;
}

}  // namespace kpsim::sweep
