import { BookOutline, CafeOutline, CallOutline, CarOutline, Ellipse, MedkitOutline, PauseCircleOutline, PeopleOutline, RestaurantOutline, SchoolOutline, WalkOutline } from '@vicons/ionicons5';
import type { Component } from 'vue';
import type { StateIcon } from './stateDisplay';

/** The drawing for each state icon (Ionicons 5, the set Naive UI documents). */
export const STATE_ICONS: Record<StateIcon, Component> = {
  dot: Ellipse,
  phone: CallOutline,
  coffee: CafeOutline,
  lunch: RestaurantOutline,
  training: SchoolOutline,
  meeting: PeopleOutline,
  health: MedkitOutline,
  reading: BookOutline,
  errand: CarOutline,
  break: WalkOutline,
  pause: PauseCircleOutline,
};
