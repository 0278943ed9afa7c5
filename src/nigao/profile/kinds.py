"""Section roles and document kinds as the profile knows them: `nigao.kinds` owns them (the
names, data/kinds.yaml's order, headings and aliases); re-exported here for the profile."""

from nigao.kinds import ROLE_NAMES, ROLES, aliases, kinds_table

__all__ = ["ROLE_NAMES", "ROLES", "aliases", "kinds_table"]
