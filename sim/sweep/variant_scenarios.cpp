#include "sim/sweep/variant_scenarios.hpp"

#include <algorithm>

#include "sim/core/rng.hpp"
#include "sim/engine/compile.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/input/read_policies.hpp"
#include "sim/input/yaml_path.hpp"
#include "sim/input/yaml_reader.hpp"
#include "sim/policy/apply_policies.hpp"

namespace kpsim::sweep {
namespace {

constexpr std::size_t kMaxVariantErrors = 20;

// The files a sweep edits: the base scenario first, then the overlays.
struct Source {
  input::YamlDocument doc;
};

// Where a path points: which source, and the span of the value's text.
struct Target {
  std::size_t source = 0;
  input::TextSpan span;
  std::string kind;
  std::string text;
};

// A value may replace another of its kind; an integer may stand for a
// number, and any scalar for text.
bool compatible(const std::string& want, const std::string& got) {
  if (want == got) return true;
  if (want == "number") return got == "integer";
  if (want == "text") return got != "mapping" && got != "list";
  return false;
}

std::optional<Target> resolve(const std::vector<Source>& sources, const std::string& path, const model::SourceLoc& loc,
                              model::Diagnostics& diag) {
  std::string why;
  const auto segments = *input::parse_yaml_path(path, why);  // checked when read
  std::size_t source = 0, from = 0;
  YAML::Node root = sources[0].doc.root;
  // policies[i] counts the scenario's own policies, then each overlay's.
  if (segments.size() >= 2 && std::holds_alternative<std::string>(segments[0]) &&
      std::get<std::string>(segments[0]) == "policies" && std::holds_alternative<std::size_t>(segments[1])) {
    std::size_t index = std::get<std::size_t>(segments[1]), total = 0;
    bool found = false;
    for (std::size_t s = 0; s < sources.size() && !found; ++s) {
      YAML::Node list;
      if (sources[s].doc.root.IsMap())
        for (auto it = sources[s].doc.root.begin(); it != sources[s].doc.root.end(); ++it)
          if (it->first.as<std::string>("") == "policies") list.reset(it->second);
      const std::size_t n = list.IsDefined() && list.IsSequence() ? list.size() : 0;
      if (index < n) {
        source = s;
        root.reset(list[index]);
        from = 2;
        found = true;
      } else {
        index -= n;
        total += n;
      }
    }
    if (!found) {
      diag.error("E-SWP-010", loc, path + ": the scenario and its overlays have " + std::to_string(total) + " policies");
      return std::nullopt;
    }
  }
  const input::PathLookup hit = input::lookup_yaml_path(root, segments, from);
  if (!hit.problem.empty()) {
    diag.error("E-SWP-010", loc, path + ": no such value in " + sources[source].doc.path + ": " + hit.problem);
    return std::nullopt;
  }
  const auto span = input::source_span(sources[source].doc.text, hit.node);
  if (!span) {
    diag.error("E-SWP-011", loc, path + ": the value there is a block collection or multi-line text; sweep a value inside it");
    return std::nullopt;
  }
  return Target{source, *span, input::value_kind(hit.node),
                sources[source].doc.text.substr(span->begin, span->end - span->begin)};
}

// The texts of the sources with a variant's values in place.
std::vector<std::string> spliced(const std::vector<Source>& sources, const std::vector<Target>& targets, const Variant& v) {
  std::vector<std::string> texts;
  for (const Source& s : sources) texts.push_back(s.doc.text);
  std::vector<const Assignment*> order;
  for (const Assignment& a : v.set) order.push_back(&a);
  // From the end of each text backwards, so earlier offsets stay valid.
  std::sort(order.begin(), order.end(), [&](const Assignment* x, const Assignment* y) {
    return targets[x->path].span.begin > targets[y->path].span.begin;
  });
  for (const Assignment* a : order) {
    const Target& t = targets[a->path];
    texts[t.source].replace(t.span.begin, t.span.end - t.span.begin, a->value.text);
  }
  return texts;
}

std::string describe(const Expansion& e, const Variant& v) {
  std::string s = v.id + (v.label.empty() ? "" : " '" + v.label + "'") + " (";
  for (std::size_t i = 0; i < v.set.size(); ++i) s += (i ? ", " : "") + e.paths[v.set[i].path] + " = " + v.set[i].value.text;
  return s + ")";
}

}  // namespace

PreparedSweep prepare_sweep(const model::SweepSpec& spec) {
  model::Diagnostics diag;
  std::vector<Source> sources;
  for (const std::string& path : [&] {
         std::vector<std::string> all{spec.base};
         all.insert(all.end(), spec.overlays.begin(), spec.overlays.end());
         return all;
       }()) {
    auto doc = input::parse_yaml_file(path, diag);
    if (doc) sources.push_back({std::move(*doc)});
  }
  diag.throw_if_errors();

  PreparedSweep out;
  out.expansion = expand(spec);
  const Expansion& e = out.expansion;
  if (e.variants.empty()) diag.error("E-SWP-006", spec.loc, "the sweep has no variants");
  std::vector<Target> targets;
  for (std::size_t p = 0; p < e.paths.size(); ++p) {
    auto t = resolve(sources, e.paths[p], e.path_locs[p], diag);
    targets.push_back(t.value_or(Target{}));
  }
  diag.throw_if_errors();
  for (const Variant& v : e.variants)
    for (const Assignment& a : v.set) {
      const Target& t = targets[a.path];
      if (!compatible(t.kind, a.value.kind))
        diag.error("E-SWP-012", a.value.loc,
                   "expected " + t.kind + " like the value at " + e.paths[a.path] + " (" + t.text + "), got " + a.value.kind);
    }
  diag.throw_if_errors();

  for (const Source& s : sources) out.sources_hash = core::mix64(out.sources_hash ^ core::hash_name(s.doc.text));
  std::size_t failed = 0;
  for (const Variant& v : e.variants) {
    const std::vector<std::string> texts = spliced(sources, targets, v);
    try {
      std::vector<model::Policy> overlays;
      for (std::size_t s = 1; s < sources.size(); ++s) {
        auto more = input::load_policy_text(texts[s], sources[s].doc.path);
        overlays.insert(overlays.end(), more.begin(), more.end());
      }
      model::Scenario sc = policy::apply_policies(input::load_scenario_text(texts[0], sources[0].doc.path), overlays);
      engine::Network net = engine::compile(sc);
      report::ReportingBasis basis = report::make_reporting_basis(sc, net);
      out.variants.push_back({std::move(sc), std::move(net), std::move(basis)});
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
