#include "sim/sweep/scenario_edits.hpp"

#include <algorithm>

#include "sim/core/rng.hpp"
#include "sim/engine/compile.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/input/read_policies.hpp"
#include "sim/policy/apply_policies.hpp"

namespace kpsim::sweep {

bool compatible_kinds(const std::string& want, const std::string& got) {
  if (want == got) return true;
  if (want == "number") return got == "integer";
  if (want == "text") return got != "mapping" && got != "list";
  return false;
}

ScenarioEdits::ScenarioEdits(const std::string& base, const std::vector<std::string>& overlays,
                             model::Diagnostics& diag, const std::vector<model::SourceLoc>& named_at)
    : overlay_count_(overlays.size()) {
  std::vector<std::string> all{base};
  all.insert(all.end(), overlays.begin(), overlays.end());
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i < named_at.size() && !input::readable_file(all[i], named_at[i], diag)) continue;
    if (auto doc = input::parse_yaml_file(all[i], diag)) sources_.push_back(std::move(*doc));
  }
  if (!ok()) return;
  for (std::size_t s = 1; s < sources_.size(); ++s)
    for (const input::OverlaySetting& set : input::overlay_settings(sources_[s], diag)) {
      auto target = resolve(set.path, set.path_loc, diag);
      if (!target) continue;
      if (target->source != 0) {
        diag.error("E-SWP-013", set.path_loc, set.path + ": an overlay sets values of the scenario, not of policies");
        continue;
      }
      if (!compatible_kinds(target->kind, set.value.kind)) {
        diag.error("E-SWP-012", set.value.loc,
                   "expected " + target->kind + " like the value at " + set.path + " (" + target->text + "), got " + set.value.kind);
        continue;
      }
      set_targets_.push_back(*target);
      set_values_.push_back(set.value.text);
    }
}

std::uint64_t ScenarioEdits::sources_hash() const {
  std::uint64_t h = 0;
  for (const input::YamlDocument& s : sources_) h = core::mix64(h ^ core::hash_name(s.text));
  return h;
}

std::optional<EditTarget> ScenarioEdits::resolve(const std::string& path, const model::SourceLoc& loc,
                                                 model::Diagnostics& diag) const {
  std::string why;
  const auto parsed = input::parse_yaml_path(path, why);
  if (!parsed) {
    diag.error("E-SWP-002", loc, "'" + path + "' is not a path: " + why);
    return std::nullopt;
  }
  const auto& segments = *parsed;
  std::size_t source = 0, from = 0;
  YAML::Node root = sources_[0].root;
  if (segments.size() >= 2 && std::holds_alternative<std::string>(segments[0]) &&
      std::get<std::string>(segments[0]) == "policies" && std::holds_alternative<std::size_t>(segments[1])) {
    std::size_t index = std::get<std::size_t>(segments[1]), total = 0;
    bool found = false;
    for (std::size_t s = 0; s < sources_.size() && !found; ++s) {
      YAML::Node list;
      if (sources_[s].root.IsMap())
        for (auto it = sources_[s].root.begin(); it != sources_[s].root.end(); ++it)
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
    diag.error("E-SWP-010", loc, path + ": no such value in " + sources_[source].path + ": " + hit.problem);
    return std::nullopt;
  }
  const auto span = input::source_span(sources_[source].text, hit.node);
  if (!span) {
    diag.error("E-SWP-011", loc, path + ": the value there is a block collection or multi-line text; address a value inside it");
    return std::nullopt;
  }
  return EditTarget{source, *span, input::value_kind(hit.node),
                    sources_[source].text.substr(span->begin, span->end - span->begin)};
}

std::optional<std::string> ScenarioEdits::overlay_value(const EditTarget& target) const {
  for (std::size_t i = 0; i < set_targets_.size(); ++i)
    if (set_targets_[i].source == target.source && set_targets_[i].span.begin == target.span.begin) return set_values_[i];
  return std::nullopt;
}

std::vector<std::string> ScenarioEdits::edited_texts(const Edits& edits) const {
  std::vector<std::string> texts;
  for (const input::YamlDocument& s : sources_) texts.push_back(s.text);
  Edits all = edits;
  for (std::size_t i = 0; i < set_targets_.size(); ++i) {
    const bool replaced = std::any_of(edits.begin(), edits.end(), [&](const auto& e) {
      return e.first->source == set_targets_[i].source && e.first->span.begin == set_targets_[i].span.begin;
    });
    if (!replaced) all.emplace_back(&set_targets_[i], set_values_[i]);
  }
  // From the end of each text backwards, so earlier offsets stay valid.
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first->span.begin > y.first->span.begin; });
  for (const auto& [target, text] : all) texts[target->source].replace(target->span.begin, target->span.end - target->span.begin, text);
  return texts;
}

model::Scenario ScenarioEdits::edited_scenario(const Edits& edits) const {
  return input::load_scenario_text(edited_texts(edits)[0], sources_[0].path);
}

std::vector<model::Policy> ScenarioEdits::policies_in(const std::vector<std::string>& texts) const {
  std::vector<model::Policy> overlays;
  for (std::size_t s = 1; s < sources_.size(); ++s) {
    auto more = input::load_policy_text(texts[s], sources_[s].path);
    overlays.insert(overlays.end(), more.begin(), more.end());
  }
  return overlays;
}

std::vector<model::Policy> ScenarioEdits::overlay_policies(const Edits& edits) const {
  return policies_in(edited_texts(edits));
}

PreparedVariant ScenarioEdits::prepare(const Edits& edits) const {
  const std::vector<std::string> texts = edited_texts(edits);
  const std::vector<model::Policy> overlays = policies_in(texts);
  model::Scenario sc = policy::apply_policies(input::load_scenario_text(texts[0], sources_[0].path), overlays);
  engine::Network net = engine::compile(sc);
  report::ReportingBasis basis = report::make_reporting_basis(sc, net);
  return {std::move(sc), std::move(net), std::move(basis)};
}

}  // namespace kpsim::sweep
