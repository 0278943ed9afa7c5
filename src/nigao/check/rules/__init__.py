"""Rule modules: each registers its checks with nigao.check.registry.rule."""
