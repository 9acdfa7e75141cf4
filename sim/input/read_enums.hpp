// The scenario's named choices, read with a located error and a suggestion.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/input/yaml_reader.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::input {

template <class E>
std::optional<E> read_choice(const Value& v, const std::vector<std::pair<std::string, E>>& table) {
  std::vector<std::string> names;
  for (const auto& [name, value] : table) names.push_back(name);
  const auto chosen = v.one_of(names);
  if (!chosen) return std::nullopt;
  for (const auto& [name, value] : table)
    if (name == *chosen) return value;
  return std::nullopt;
}

inline std::optional<model::Discipline> read_discipline(const Value& v) {
  return read_choice<model::Discipline>(v, {{"fifo", model::Discipline::fifo}, {"key_first", model::Discipline::key_first}});
}

inline std::optional<model::StepType> read_step_type(const Value& v) {
  return read_choice<model::StepType>(v, {{"approval", model::StepType::approval},
                                          {"land", model::StepType::land},
                                          {"construction", model::StepType::construction},
                                          {"preparation", model::StepType::preparation}});
}

inline std::optional<model::ProjectKind> read_kind(const Value& v) {
  return read_choice<model::ProjectKind>(v, {{"government", model::ProjectKind::government},
                                             {"enterprise", model::ProjectKind::enterprise},
                                             {"industrial", model::ProjectKind::industrial}});
}

inline std::optional<model::ProjectClass> read_class(const Value& v) {
  return read_choice<model::ProjectClass>(v, {{"key", model::ProjectClass::key}, {"normal", model::ProjectClass::normal}});
}

}  // namespace kpsim::input
