import Gap from "./Gap.astro";
import Heading from "./Heading.astro";
import Item from "./Item.astro";
import List from "./List.astro";
import Paragraph from "./Paragraph.astro";

/** The components that the MDX bodies written by the ingest use. */
export const blockComponents = { Gap, Heading, Item, List, Paragraph };
