#pragma once
// The counting definition every figures output shares (the municipal report in all its forms, the
// dashboard, the national file and the public page): which ground rows a report counts in, and
// which municipality a stored code counts for today. No I/O. docs/design.md, "Figures: one
// counting definition".
#include <string>
#include <string_view>
#include <vector>

#include "domain/municipality.hpp"

namespace meldpunt {

// The ground a code belongs to: "religion" for the sub-ground "religion.antisemitism", the code
// itself for a ground. A sub-ground carries its ground as prefix before the first '.', in
// kGrounds (domain/reports/classification.hpp) and in codes an administrator adds later
// (CheckNewCode in domain/reports/code_lists.hpp only accepts "<active ground>.<name>").
std::string_view ParentGround(std::string_view code);
bool IsSubGround(std::string_view code);

// The ground rows a report with these grounds counts in: each of its grounds and the parent of
// each sub-ground, each row once. A parent ground (herkomst) so counts every report that has it or
// any of its sub-grounds, once: a report with "origin" and "origin.anti_black" counts once under
// "origin" and once under "origin.anti_black"; one with only "religion.antisemitism" counts under
// "religion" too. Order: as given, a parent just before its first sub-ground.
std::vector<std::string> GroundRowsOf(const std::vector<std::string>& grounds);

// The rows of a ground table in the order they are shown: `codes` (kGrounds, then codes of other
// code-list versions) in their order, except that a sub-ground whose ground is among them follows
// that ground and its other sub-grounds, so that it reads as "of which ..." under its parent.
std::vector<std::string> OrderGroundRows(const std::vector<std::string>& codes);

// The municipality a stored code counts for today: its successor through the chain of mergers
// (MunicipalityRegistry::Successor), or the code itself when the registry does not know it
// ("none", "unknown").
std::string TodayCode(const MunicipalityRegistry& registry, const std::string& code);

}  // namespace meldpunt
