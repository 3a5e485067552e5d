"""Rendering: vendor-neutral change sets → switch scripts, through the vendor packs' templates."""

from .engine import RenderedFabric, Renderer, RenderError, UnsafeValue, render_fabric, render_plan

__all__ = [
    "RenderedFabric",
    "Renderer",
    "RenderError",
    "UnsafeValue",
    "render_fabric",
    "render_plan",
]
