/*
 * Setup of the renderer's component tests (happy-dom).
 *
 * happy-dom implements Element.animate, but when an animation is cancelled it rejects the
 * `finished` promise without marking it handled (browsers mark it handled, per the Web
 * Animations spec), so every Fluent collapse that is interrupted surfaces as an unhandled
 * AbortError. Without Element.animate, Fluent's motion takes the path it ships for test DOMs
 * (motion ends at once, callbacks still run), which is what these tests need.
 */
// Node-only test files (`@vitest-environment node`) have no DOM to adjust.
if (typeof Element !== 'undefined') Reflect.deleteProperty(Element.prototype, 'animate');
