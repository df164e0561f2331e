declare namespace App {
  interface Locals {
    /**
     * Set by the document page before its body renders: what the block
     * components of the MDX body (src/components/blocks/) need to know of the
     * page they are on, since MDX passes them only their own attributes.
     */
    reading?: import("./components/blocks/reading-context.ts").ReadingContext;
  }
}
