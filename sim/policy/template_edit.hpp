// Edits of a template's precedence graph that policies are made of. Steps
// are addressed by id; every edit keeps the graph's reachability except
// where it means to change it.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "sim/model/scenario.hpp"

namespace kpsim::policy {

model::Step* find_step(model::Template& t, const std::string& id);
bool has_step(const model::Template& t, const std::string& id);
bool follows_directly(const model::Template& t, const std::string& step, const std::string& pred);
bool depends_on(const model::Template& t, const std::string& step, const std::string& pred);  // transitively

void add_pred(model::Step& s, const std::string& pred);
void drop_pred(model::Step& s, const std::string& pred);

// The predecessors of `id` with every step of `through` replaced by its own
// predecessors (recursively): what `id` waits for if `through` vanished.
std::vector<std::string> preds_bypassing(const model::Template& t, const std::string& id,
                                         const std::set<std::string>& through);


}  // namespace kpsim::policy
